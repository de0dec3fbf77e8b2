package dev.hookdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.hookdesk.testing.Api;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live chat under load (issue 15): visitors each with a chat taken by an agent and its live
 * stream open, then agents' messages posted through {@code /api/v1} at a fixed total rate, round
 * robin over the chats, open loop. Measures commit → the visitor's stream, and per visitor
 * what was lost, doubled or out of order.
 */
final class VisitorLoad implements AutoCloseable {
  static final String ORIGIN = "https://shop.bench.example";
  static final String SOURCE = "bench_site";
  /** As in the target; more when the visitors need more than 100 chats an agent. */
  private static final int AGENTS = 50;
  private static final int MAX_CHATS_LIMIT = 100;
  private static final int OPENING_AT_ONCE = 32;
  private static final int GENERATOR_LIMIT = 8192;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BenchNode node;
  private final List<WidgetVisitor> visitors = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  final int agents;
  final int maxChats;

  /** The source that lets {@link #ORIGIN} embed the widget, and agents online with room for every chat. */
  VisitorLoad(BenchNode node, int visitors) {
    if (visitors < 1 || visitors > WidgetVisitor.MAX) {
      throw new IllegalArgumentException("--visitors 1.." + WidgetVisitor.MAX + " (one loopback address each)");
    }
    this.node = node;
    this.agents = Math.max(AGENTS, (visitors + MAX_CHATS_LIMIT - 1) / MAX_CHATS_LIMIT);
    this.maxChats = (visitors + agents - 1) / agents;
    node.api.post("/sources", Api.json(Map.of("key", SOURCE, "name", "Bench site"))).expect(201);
    node.api.patch("/sources/" + SOURCE, Api.json(Map.of("allowed_origins", List.of(ORIGIN)))).expect(200);
    for (int i = 0; i < agents; i++) {
      node.api.post("/agents", Api.json(Map.of("name", "Agent " + i, "email", "agent" + i + "@bench.example",
          "status", "online", "max_chats", maxChats))).expect(201);
    }
  }

  record Opened(int streams, int failed, double seconds, List<String> firstFailures) {}

  /** Each visitor: a session, a chat (routed at once), its agent, its stream. */
  Opened open(int count, Histogram commitToStream, Histogram postToStream) throws InterruptedException {
    Semaphore opening = new Semaphore(OPENING_AT_ONCE);
    List<WidgetVisitor> ready = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        opening.acquire();
        int n = i;
        pool.submit(() -> {
          WidgetVisitor v = null;
          try {
            v = new WidgetVisitor(n, node.port(), ORIGIN);
            v.start(node.workspaceId(), SOURCE);
            v.agentId = agentOf(v.chatId);
            v.openStream();
            WidgetVisitor reading = v;
            readers.submit(() -> reading.read(commitToStream, postToStream));
            ready.add(v);
          } catch (Exception e) {
            failures.add("visitor " + n + ": " + e.getMessage());
            if (v != null) v.close();
          } finally {
            opening.release();
          }
        });
      }
    }
    visitors.addAll(ready);
    visitors.sort(Comparator.comparingInt(v -> v.index));
    return new Opened(visitors.size(), failures.size(), (System.nanoTime() - start) / 1e9,
        failures.stream().limit(3).toList());
  }

  /** The agent the chat was routed to; fails when it is waiting (the agents' room is sized so none does). */
  private String agentOf(String chatId) throws IOException {
    Http1.Message answer = node.load().get("/api/v1/chats/" + chatId);
    var chat = JSON.readTree(new String(answer.body(), StandardCharsets.UTF_8));
    var participants = chat.path("participants");
    if (participants.isEmpty()) {
      throw new IllegalStateException("chat " + chatId + " is " + chat.path("status").asText() + " with no agent");
    }
    return participants.get(0).path("id").asText();
  }

  record Talk(int offered, int seconds, long posted, long refused, long failed, long dropped, double cpu,
      String firstFailure, Histogram answered) {
    String line() {
      return String.format("  offered %d/s for %d s: posted %d (%.0f/s), refused (429/503) %d, failed %d%s,"
          + " dropped %d; the POST answered in %s; process CPU %.0f %%", offered, seconds, posted,
          posted / (double) seconds, refused, failed, firstFailure == null ? "" : " (first: " + firstFailure + ")",
          dropped, answered.summary(), cpu * 100);
    }
  }

  /** Agents' messages at {@code perSecond} in total for {@code seconds}, round robin over the chats. */
  Talk talk(int perSecond, int seconds) throws InterruptedException {
    LongAdder posted = new LongAdder();
    LongAdder refused = new LongAdder();
    LongAdder failed = new LongAdder();
    LongAdder dropped = new LongAdder();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    Histogram answered = new Histogram();
    Semaphore inFlight = new Semaphore(GENERATOR_LIMIT);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < (long) perSecond * seconds; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        if (!inFlight.tryAcquire()) {
          dropped.increment();
          continue;
        }
        WidgetVisitor v = visitors.get((int) (i % visitors.size()));
        pool.submit(() -> {
          v.posting.lock();
          try {
            int n = v.posted + 1;
            long sent = System.nanoTime();
            Http1.Message answer = node.load().exchange("/api/v1/chats/" + v.chatId + "/messages",
                "{\"author_type\":\"agent\",\"author_id\":\"" + v.agentId + "\",\"text\":\"bench " + n + " "
                    + sent + "\"}");
            answered.record((System.nanoTime() - sent) / 1000);
            int status = Integer.parseInt(answer.startLine().split(" ")[1]);
            if (status == 201) {
              v.posted = n;
              posted.increment();
            } else if (status == 429 || status == 503) {
              refused.increment();
            } else {
              failed.increment();
              firstFailure.compareAndSet(null, answer.startLine() + " "
                  + new String(answer.body(), StandardCharsets.UTF_8));
            }
          } catch (RuntimeException e) {
            failed.increment();
            firstFailure.compareAndSet(null, e.toString());
          } finally {
            v.posting.unlock();
            inFlight.release();
          }
        });
      }
    }
    long elapsed = System.nanoTime() - start;
    double cpu = (os.getProcessCpuTime() - cpuStart) / (double) (elapsed * Runtime.getRuntime().availableProcessors());
    return new Talk(perSecond, seconds, posted.sum(), refused.sum(), failed.sum(), dropped.sum(), cpu,
        firstFailure.get(), answered);
  }

  /** Messages the visitors have seen (each once). */
  long received() {
    return visitors.stream().mapToLong(WidgetVisitor::received).sum();
  }

  /** What each visitor got against what was posted to its chat, added up. */
  String check() {
    long lost = 0;
    long doubled = 0;
    long disordered = 0;
    int affected = 0;
    int ended = 0;
    String firstEnd = null;
    for (WidgetVisitor v : visitors) {
      long l = v.posted - v.received();
      lost += l;
      doubled += v.duplicated();
      disordered += v.outOfOrder();
      if (l != 0 || v.duplicated() != 0 || v.outOfOrder() != 0) affected++;
      if (v.ended() != null) {
        ended++;
        if (firstEnd == null) firstEnd = "visitor " + v.index + ": " + v.ended();
      }
    }
    return String.format("  per visitor: lost %d, duplicated %d, out of order %d (visitors affected %d of %d);"
        + " streams that ended early %d%s", lost, doubled, disordered, affected, visitors.size(), ended,
        firstEnd == null ? "" : " (first: " + firstEnd + ")");
  }

  @Override
  public void close() {
    visitors.forEach(WidgetVisitor::close);
    readers.shutdownNow();
  }
}
