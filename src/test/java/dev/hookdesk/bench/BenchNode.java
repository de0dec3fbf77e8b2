package dev.hookdesk.bench;

import dev.hookdesk.Hookdesk;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** A node in this JVM on a fresh database (H2 file, or a new PostgreSQL schema), and its desk API. */
final class BenchNode implements AutoCloseable {
  static final String TOKEN = "hd_bench_owner_token_0123456789abcdef";
  private final Hookdesk node;
  private final String pgSchema;
  private final String pgUrl;
  final Api api;

  BenchNode(String db, String pgUrl) throws Exception {
    Map<String, String> s = new HashMap<>();
    s.put(HookdeskConfig.PORT, "0");
    s.put(HookdeskConfig.DATA_DIR, Files.createTempDirectory("hookdesk-bench").toString());
    s.put(HookdeskConfig.ADMIN_TOKEN, TOKEN);
    s.put(HookdeskConfig.ALLOWED_NETWORKS, "127.0.0.0/8");
    this.pgUrl = pgUrl;
    if (db.equals("postgresql")) {
      pgSchema = "hdbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "");
           Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA " + pgSchema);
      }
      s.put(HookdeskConfig.DATABASE_URL, pgUrl + "?currentSchema=" + pgSchema);
      s.put(HookdeskConfig.DATABASE_USER, "postgres");
    } else {
      pgSchema = null;
    }
    node = Hookdesk.start(HookdeskConfig.from(s), Clock.systemUTC());
    api = new Api("http://127.0.0.1:" + node.port(), TOKEN);
  }

  /** Registers one webhook per URL for contact.created; returns their ids. */
  List<String> register(List<String> urls, int timeoutMs) {
    List<String> ids = new ArrayList<>();
    for (String url : urls) {
      ids.add(api.post("/webhooks", Api.json(Map.of("scope", "global", "url", url,
          "events", List.of("contact.created"), "private", false, "timeout_ms", timeoutMs,
          "retry_schedule", List.of("1s", "2s", "5s", "10s", "30s", "1m", "5m")))).expect(201).str("/id"));
    }
    return ids;
  }

  /** Fires {@code events} contact.created events as fast as {@code concurrency} clients can. */
  void fire(int events, int concurrency) throws InterruptedException {
    Semaphore permits = new Semaphore(concurrency);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < events; i++) {
        permits.acquire();
        int n = i;
        pool.submit(() -> {
          try {
            createContact(n);
          } finally {
            permits.release();
          }
        });
      }
    }
  }

  /** Fires events at a steady rate (events per second) for the given number of seconds. */
  void fireAtRate(int perSecond, int seconds) throws InterruptedException {
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < perSecond * seconds; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        int n = i;
        pool.submit(() -> createContact(n));
      }
    }
  }

  private void createContact(int n) {
    api.post("/contacts", Api.json(Map.of("name", "Bench contact " + n))).expect(201);
  }

  long queueDepth() {
    return node.database().read(h -> h.createQuery("SELECT COUNT(*) FROM delivery_queue")
        .mapTo(Long.class).one());
  }

  long deliveriesCount() {
    return node.database().read(h -> h.createQuery("SELECT COUNT(*) FROM deliveries")
        .mapTo(Long.class).one());
  }

  @Override
  public void close() {
    node.close();
    if (pgSchema == null) return;
    try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "");
         Statement st = c.createStatement()) {
      st.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
    } catch (Exception e) {
      System.err.println("could not drop " + pgSchema + ": " + e.getMessage());
    }
  }
}
