package dev.hookdesk.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/** A webhook receiver on loopback that records every request and answers as the test says. */
public final class Receiver implements AutoCloseable {
  /** An answer: status, headers, and whether to hang instead of answering. */
  record Reply(int status, Map<String, String> headers, boolean hangs) {
    static Reply of(int status) {
      return new Reply(status, Map.of(), false);
    }

    static Reply hang() {
      return new Reply(0, Map.of(), true);
    }
  }

  public record Request(Map<String, String> headers, String body, long receivedAtMillis) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile IntFunction<Reply> replies;

  Receiver(IntFunction<Reply> replies) {
    this.replies = replies;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public static Receiver answering(int status) {
    return new Receiver(n -> Reply.of(status));
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** From now on answer like this (request numbers keep counting from 1). */
  void answer(IntFunction<Reply> next) {
    this.replies = next;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  int count() {
    return requests.size();
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    Map<String, String> headers = new java.util.HashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    requests.add(new Request(headers, new String(body, java.nio.charset.StandardCharsets.UTF_8),
        System.currentTimeMillis()));
    Reply reply = replies.apply(requests.size());
    if (reply.hangs()) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      x.close();
      return;
    }
    reply.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    byte[] out = "{\"ok\":true}".getBytes();
    x.sendResponseHeaders(reply.status(), out.length);
    x.getResponseBody().write(out);
    x.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    pool.shutdownNow();
  }
}
