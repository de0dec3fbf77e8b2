package dev.hookdesk.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The loopback receiver: {@code /hook/<n>} answers 200 at once unless told otherwise for that
 * webhook (hang, slow, down). It measures event commit → receipt from the event's timestamp,
 * and keeps a sample of the signed requests for the ceiling run. A minimal keep-alive
 * HTTP/1.1 server ({@link Http1}), a virtual thread per connection.
 */
final class BenchReceiver implements AutoCloseable {
  enum Mode { OK, HANG, SLOW, DOWN }

  record Sample(String path, Map<String, String> headers, byte[] body) {}

  private static final byte[] OK = Http1.ascii("HTTP/1.1 200 OK\r\ncontent-type: application/json"
      + "\r\ncontent-length: 2\r\n\r\n{}");
  private static final byte[] UNAVAILABLE = Http1.ascii("HTTP/1.1 503 Service Unavailable\r\n"
      + "content-type: application/json\r\ncontent-length: 2\r\n\r\n{}");
  private final ServerSocket server;
  private final List<Socket> connections = java.util.Collections.synchronizedList(new ArrayList<>());
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
    server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("bench-receiver").start(this::accept);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        socket.setTcpNoDelay(true);
        connections.add(socket);
        Thread.ofVirtual().start(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1024);
      for (Http1.Message m = Http1.read(in); m != null; m = Http1.read(in)) {
        byte[] reply = handle(m);
        if (reply == null) return; // hang: close without answering
        out.write(reply);
        out.flush();
      }
    } catch (IOException e) {
      // the sender went away (timeout, node stopped)
    } finally {
      connections.remove(socket);
    }
  }

  String url(int webhook) {
    return "http://127.0.0.1:" + server.getLocalPort() + "/hook/" + webhook;
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

  /** The answer to send, or null to close the connection without one. */
  private byte[] handle(Http1.Message m) {
    byte[] body = m.body();
    long nowMicros = micros(Instant.now());
    String target = m.startLine().split(" ")[1];
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    int webhook = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    Mode mode = modes.getOrDefault(webhook, Mode.OK);
    if (mode == Mode.HANG) {
      await(0);
      return null;
    }
    if (mode == Mode.SLOW) await(2000);
    if (mode == Mode.DOWN) return UNAVAILABLE;
    if (measuring && mode == Mode.OK) {
      healthy.record(nowMicros - eventMicros(body));
      keep(path, m.headers(), body);
    }
    long ms = nowMicros / 1000;
    firstOkMillis.compareAndSet(0, ms);
    lastOkMillis.accumulateAndGet(ms, Math::max);
    ok.increment();
    return OK;
  }

  private synchronized void keep(String path, Map<String, String> requestHeaders, byte[] body) {
    if (samples.size() >= maxSamples) return;
    Map<String, String> headers = new HashMap<>();
    requestHeaders.forEach((name, v) -> {
      if (name.startsWith("webhook-") || name.startsWith("hookdesk-") || name.equals("content-type")) {
        headers.put(name, v);
      }
    });
    samples.add(new Sample(path, headers, body));
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
  public void close() throws IOException {
    released.countDown();
    server.close();
    synchronized (connections) {
      for (Socket c : connections) c.close();
    }
  }
}
