package dev.hookdesk.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver that dedupes like a real one would, by path (one per webhook) and
 * {@code webhook-id}, keeping when each copy arrived. It can hold requests unanswered
 * (to have some in flight when a node dies) and delay its answers.
 */
final class CountingReceiver implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, List<Long>> receipts = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger held = new AtomicInteger();
  private final java.util.Set<String> heldPairs = ConcurrentHashMap.newKeySet();
  private final Map<String, List<String>> attempts = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile int answerFirst = Integer.MAX_VALUE;
  private volatile long delayMillis;

  CountingReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  /** Answers the first {@code n} requests in all, then holds the rest until {@link #releaseHeld()}. */
  void answerOnly(int n) {
    answerFirst = n;
  }

  void delay(long millis) {
    delayMillis = millis;
  }

  /** Stops holding: held requests are let go (their client is gone), new ones are answered. */
  void releaseHeld() {
    answerFirst = Integer.MAX_VALUE;
    release.countDown();
  }

  int held() {
    return held.get();
  }

  /** The (webhook path, event) pairs of the requests held so far. */
  java.util.Set<String> heldPairs() {
    return java.util.Set.copyOf(heldPairs);
  }

  /** The {@code hookdesk-attempt} header of each receipt of a pair, in order. */
  List<String> attempts(String pair) {
    return List.copyOf(attempts.getOrDefault(pair, List.of()));
  }

  /** Requests received in all, copies included. */
  int total() {
    return total.get();
  }

  int distinct() {
    return receipts.size();
  }

  /** Every (webhook, webhook-id) pair with the arrival times (millis) of each copy. */
  Map<String, List<Long>> receipts() {
    return Map.copyOf(receipts);
  }

  private void handle(HttpExchange x) throws IOException {
    x.getRequestBody().readAllBytes();
    String key = x.getRequestURI().getPath() + " " + x.getRequestHeaders().getFirst("webhook-id");
    attempts.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>())
        .add(x.getRequestHeaders().getFirst("hookdesk-attempt"));
    receipts.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
    if (total.incrementAndGet() > answerFirst) {
      held.incrementAndGet();
      heldPairs.add(key);
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
      return;
    }
    try {
      if (delayMillis > 0) Thread.sleep(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    x.sendResponseHeaders(200, 2);
    try (OutputStream out = x.getResponseBody()) {
      out.write("{}".getBytes());
    }
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }
}
