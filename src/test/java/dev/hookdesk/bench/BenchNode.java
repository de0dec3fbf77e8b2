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
  /** The same on every node of a bench, so a second node reads what the first encrypted. */
  private static final String SECRET_KEY = "hookdesk-bench-secret-key-0123456789abcdef";
  private final Hookdesk node;
  private final String pgSchema;
  private final String pgUrl;
  private final Map<String, String> settings;
  final Api api;
  private final LoadClient load;

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
      String separator = pgUrl.contains("?") ? "&" : "?";
      s.put(HookdeskConfig.DATABASE_URL, pgUrl + separator + "currentSchema=" + pgSchema);
      s.put(HookdeskConfig.DATABASE_USER, "postgres");
    } else {
      pgSchema = null;
    }
    s.put(HookdeskConfig.SECRET_KEY, SECRET_KEY);
    settings = Map.copyOf(s);
    node = Hookdesk.start(HookdeskConfig.from(s), Clock.systemUTC());
    api = new Api("http://127.0.0.1:" + node.port(), TOKEN);
    load = LoadClient.withToken(node.port(), TOKEN);
  }

  /** A second node in this JVM on the same PostgreSQL schema (LISTEN/NOTIFY between them); closing it leaves the schema. */
  private BenchNode(BenchNode first) throws Exception {
    if (first.pgSchema == null) throw new IllegalArgumentException("a second node needs PostgreSQL (--db postgresql)");
    Map<String, String> s = new HashMap<>(first.settings);
    s.put(HookdeskConfig.DATA_DIR, Files.createTempDirectory("hookdesk-bench").toString());
    settings = Map.copyOf(s);
    pgSchema = null;
    pgUrl = first.pgUrl;
    node = Hookdesk.start(HookdeskConfig.from(s), Clock.systemUTC());
    api = new Api("http://127.0.0.1:" + node.port(), TOKEN);
    load = LoadClient.withToken(node.port(), TOKEN);
  }

  BenchNode peer() throws Exception {
    return new BenchNode(this);
  }

  /** Registers one webhook per URL for contact.created; returns their ids. */
  List<String> register(List<String> urls, int timeoutMs) {
    return register(urls, timeoutMs, List.of("contact.created"));
  }

  /** Registers one webhook per URL for these event types; returns their ids. */
  List<String> register(List<String> urls, int timeoutMs, List<String> events) {
    List<String> ids = new ArrayList<>();
    for (String url : urls) {
      ids.add(api.post("/webhooks", Api.json(Map.of("scope", "global", "url", url,
          "events", events, "private", false, "timeout_ms", timeoutMs,
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

  int port() {
    return node.port();
  }

  String workspaceId() {
    return node.defaultWorkspaceId();
  }

  dev.hookdesk.store.Database database() {
    return node.database();
  }

  /** The load generator's client, for scenarios that make their own requests. */
  LoadClient load() {
    return load;
  }

  private void createContact(int n) {
    int status = load.post("/api/v1/contacts", "{\"name\":\"Bench contact " + n + "\"}");
    if (status != 201) throw new IllegalStateException("POST /api/v1/contacts answered " + status);
  }

  /**
   * Queues {@code events} × webhooks deliveries straight in the database, the way fan-out
   * leaves them but due in an hour (as retries would be): copies of one real
   * {@code contact.created} event made through the API, each with its own id and sequence.
   * Filling a million through the API would take most of an hour here. Call
   * {@link #fireTemplate()} before the webhooks are registered.
   */
  void seedBacklog(int events, List<String> webhookIds) {
    var db = node.database();
    var template = db.read(h -> h.createQuery("SELECT id, workspace_id, sequence, body FROM events"
        + " WHERE type = 'contact.created' ORDER BY sequence DESC LIMIT 1").mapToMap().one());
    String templateId = (String) template.get("id");
    String ws = (String) template.get("workspace_id");
    long sequence = ((Number) template.get("sequence")).longValue();
    String body = (String) template.get("body");
    var ids = new dev.hookdesk.core.Ids(Clock.systemUTC());
    java.time.Instant now = java.time.Instant.now();
    java.time.Instant due = now.plusSeconds(3600);
    int chunk = 2000;
    for (int done = 0; done < events; done += chunk) {
      int n = Math.min(chunk, events - done);
      long first = sequence + done + 1;
      db.inTransaction(h -> {
        var ev = h.prepareBatch("INSERT INTO events (id, workspace_id, sequence, type, occurred_at, source, body)"
            + " VALUES (:id, :ws, :seq, 'contact.created', :at, NULL, :body)");
        var dl = h.prepareBatch("INSERT INTO deliveries (id, workspace_id, webhook_id, event_id, event_type,"
            + " event_at, status, next_attempt_at, created_at) VALUES (:id, :ws, :webhook, :event,"
            + " 'contact.created', :at, 'pending', :due, :at)");
        var q = h.prepareBatch("INSERT INTO delivery_queue (delivery_id, webhook_id, due_at) VALUES (:id, :webhook, :due)");
        for (int i = 0; i < n; i++) {
          String eventId = ids.next("evt");
          long seq = first + i;
          ev.bind("id", eventId).bind("ws", ws).bind("seq", seq).bind("at", now)
              .bind("body", body.replace(templateId, eventId).replaceFirst("\"sequence\":\\d+", "\"sequence\":" + seq)).add();
          for (String webhook : webhookIds) {
            String id = ids.next("dlv");
            dl.bind("id", id).bind("ws", ws).bind("webhook", webhook).bind("event", eventId)
                .bind("at", now).bind("due", due).add();
            q.bind("id", id).bind("webhook", webhook).bind("due", due).add();
          }
        }
        ev.execute();
        dl.execute();
        q.execute();
        h.createUpdate("UPDATE workspaces SET event_sequence = :seq WHERE id = :ws")
            .bind("seq", first + n - 1).bind("ws", ws).execute();
        return null;
      });
    }
  }

  /** The real event {@link #seedBacklog} copies, made before any webhook could receive it. */
  void fireTemplate() {
    createContact(-1);
  }

  /** Makes every queued delivery due now, 20,000 at a time (the engine starts on the first). */
  void releaseBacklog() {
    java.time.Instant now = java.time.Instant.now();
    String after = "";
    while (true) {
      String from = after;
      List<String> ids = node.database().read(h -> h.createQuery("SELECT delivery_id FROM delivery_queue"
              + " WHERE delivery_id > :after ORDER BY delivery_id LIMIT 20000")
          .bind("after", from).mapTo(String.class).list());
      if (ids.isEmpty()) return;
      node.database().inTransaction(h -> {
        var b = h.prepareBatch("UPDATE delivery_queue SET due_at = :now WHERE delivery_id = :id"
            + " AND claimed_by IS NULL AND due_at > :now");
        for (String id : ids) b.bind("now", now).bind("id", id).add();
        return b.execute();
      });
      after = ids.get(ids.size() - 1);
    }
  }

  long queueDepth() {
    return node.database().read(h -> h.createQuery("SELECT COUNT(*) FROM delivery_queue")
        .mapTo(Long.class).one());
  }

  /** Deliveries not yet finished (queued, or claimed and in flight). */
  long openDeliveries() {
    return queueDepth();
  }

  long deliveriesCount() {
    return node.database().read(h -> h.createQuery("SELECT COUNT(*) FROM deliveries")
        .mapTo(Long.class).one());
  }

  @Override
  public void close() {
    load.close();
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
