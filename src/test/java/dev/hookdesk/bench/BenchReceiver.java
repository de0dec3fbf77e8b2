package dev.hookdesk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The loopback receiver: {@code /hook/<n>} answers 200 at once unless told otherwise for that
 * webhook (hang, slow, down). It measures event commit → receipt from the event's timestamp,
 * and keeps a sample of the signed requests for the ceiling run.
 */
final class BenchReceiver implements AutoCloseable {
  enum Mode { OK, HANG, SLOW, DOWN }

  record Sample(String path, Map<String, String> headers, byte[] body) {}

  private static final byte[] OK_BODY = "{}".getBytes(StandardCharsets.UTF_8);
  private final HttpServer server;
  private final Map<Integer, Mode> modes = new java.util.concurrent.ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);
  final LongAdder ok = new LongAdder();
  final AtomicLong firstOkMillis = new AtomicLong();
  final AtomicLong lastOkMillis = new AtomicLong();
  private volatile Histogram healthy = new Histogram();
  private volatile boolean measuring = true;
  private final List<Sample> samples = new ArrayList<>();
  private final int maxSamples;

  BenchReceiver(int maxSamples) throws IOException {
    this.maxSamples = maxSamples;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hook/", this::handle);
    server.start();
  }

  String url(int webhook) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + webhook;
  }

  void mode(int webhook, Mode mode) {
    modes.put(webhook, mode);
  }

  /** Starts a new measurement: counters and histogram reset; latency off for ceiling runs. */
  void reset(boolean measureLatency) {
    ok.reset();
    firstOkMillis.set(0);
    lastOkMillis.set(0);
    healthy = new Histogram();
    measuring = measureLatency;
  }

  Histogram healthy() {
    return healthy;
  }

  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    long nowMicros = micros(Instant.now());
    String path = x.getRequestURI().getPath();
    int webhook = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    Mode mode = modes.getOrDefault(webhook, Mode.OK);
    if (mode == Mode.HANG) {
      await(0);
      x.close();
      return;
    }
    if (mode == Mode.SLOW) await(2000);
    if (mode == Mode.DOWN) {
      reply(x, 503);
      return;
    }
    if (measuring && mode == Mode.OK) {
      healthy.record(nowMicros - eventMicros(body));
      keep(path, x, body);
    }
    long ms = nowMicros / 1000;
    firstOkMillis.compareAndSet(0, ms);
    lastOkMillis.accumulateAndGet(ms, Math::max);
    ok.increment();
    reply(x, 200);
  }

  private synchronized void keep(String path, HttpExchange x, byte[] body) {
    if (samples.size() >= maxSamples) return;
    Map<String, String> headers = new HashMap<>();
    x.getRequestHeaders().forEach((k, v) -> {
      String name = k.toLowerCase();
      if (name.startsWith("webhook-") || name.startsWith("hookdesk-") || name.equals("content-type")) {
        headers.put(name, v.get(0));
      }
    });
    samples.add(new Sample(path, headers, body));
  }

  private static void reply(HttpExchange x, int status) throws IOException {
    x.sendResponseHeaders(status, OK_BODY.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(OK_BODY);
    }
  }

  private void await(long millis) {
    try {
      if (millis == 0) released.await();
      else released.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The envelope's "timestamp" (set when the event is appended, just before its commit). */
  private static long eventMicros(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8);
    int i = s.indexOf("\"timestamp\":\"");
    if (i < 0) return 0;
    int start = i + 13;
    return micros(Instant.parse(s.substring(start, s.indexOf('"', start))));
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
