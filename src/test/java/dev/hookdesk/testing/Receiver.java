package dev.hookdesk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test suite's receiver on loopback: a webhook endpoint, a decision service or a bot. It
 * records every request, answers as the test says (a fixed reply, one by request number or by
 * request, after a delay, or not at all until released), and reads its requests the way a
 * deduplicating receiver would (copies per webhook path and {@code webhook-id}). HTTP, HTTPS
 * with a {@link SelfSigned} certificate, or {@link #raw raw}: answers written byte by byte, as no
 * HTTP library would send them. (The bench keeps its own minimal server, for throughput.)
 */
public final class Receiver implements AutoCloseable, AfterAllCallback {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What arrived; {@code number} counts from 1 in arrival order. */
  public record Request(int number, String path, Map<String, String> headers, byte[] bytes,
      long receivedAtMillis) {
    /** The body as UTF-8 text. */
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Where it was sent and which event it carried: the key a deduplicating receiver keeps. */
    public String pair() {
      return path + " " + header("webhook-id");
    }

    /** Standard Webhooks: one of the {@code v1,} signatures is HMAC-SHA256 of id.timestamp.body. */
    public boolean signedWith(String secret) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        mac.update((header("webhook-id") + "." + header("webhook-timestamp") + ".")
            .getBytes(StandardCharsets.UTF_8));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(bytes));
        return List.of(header("webhook-signature").split(" ")).contains(expected);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** An answer; one that {@code hangs} is never given (the connection closes on release). */
  public record Reply(int status, Map<String, String> headers, byte[] body, boolean hangs) {
    public static Reply of(int status) {
      return of(status, "{\"ok\":true}");
    }

    public static Reply of(int status, String body) {
      return new Reply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
    }

    public static Reply of(int status, Map<String, String> headers, byte[] body) {
      return new Reply(status, headers, body, false);
    }

    /** JSON, with its content type (a decision service's or a bot's answer). */
    public static Reply json(int status, String body) {
      return of(status, Map.of("content-type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply hang() {
      return new Reply(0, Map.of(), new byte[0], true);
    }
  }

  /** Writes a whole answer, status line and headers included. */
  public interface RawAnswer {
    void write(OutputStream out) throws IOException;
  }

  private final HttpServer server;
  private final RawSocket raw;
  private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> heldPairs = ConcurrentHashMap.newKeySet();
  private final AtomicInteger held = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Function<Request, Reply> replies = r -> Reply.of(200);
  private volatile int answerFirst = Integer.MAX_VALUE;
  private volatile long delayMillis;

  private Receiver(HttpServer server) {
    this.server = server;
    this.raw = null;
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  private Receiver(RawAnswer answer) throws IOException {
    this.server = null;
    this.raw = new RawSocket(answer, this::record);
  }

  /** Answers every request with these bytes, whatever they are. */
  public static Receiver raw(RawAnswer answer) throws IOException {
    return new Receiver(answer);
  }

  /** Answers 200 with this body, sent as it is (NUL, bytes that are not UTF-8). */
  public static Receiver rawAnswering(byte[] body) throws IOException {
    return raw(out -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
    });
  }

  /** A receiver answering 200. */
  public static Receiver http() {
    try {
      return new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Receiver answering(int status) {
    return answering(Reply.of(status));
  }

  /** Answers by request number, counting from 1. */
  public static Receiver answering(IntFunction<Reply> byNumber) {
    Receiver r = http();
    r.answer(byNumber);
    return r;
  }

  public static Receiver answering(Reply reply) {
    Receiver r = http();
    r.answer(reply);
    return r;
  }

  /** A receiver for a whole test class: {@code @RegisterExtension static final Receiver r = Receiver.perClass();}. */
  public static Receiver perClass() {
    return http();
  }

  /** HTTPS with the key pair of {@link SelfSigned}. */
  public static Receiver https(SelfSigned cert) throws Exception {
    HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    s.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
    return new Receiver(s);
  }

  /** The URL of path {@code /hook}. */
  public String url() {
    return url("/hook");
  }

  /** The URL of a path ({@code /x}); give each webhook its own to tell their requests apart. */
  public String url(String path) {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server != null ? server.getAddress().getPort() : raw.port();
  }

  /** From now on answer every request like this. */
  public void answer(Reply reply) {
    replies = r -> reply;
  }

  /** From now on answer by request number (numbers keep counting from 1). */
  public void answer(IntFunction<Reply> byNumber) {
    replies = r -> byNumber.apply(r.number());
  }

  /** From now on answer as a function of the request. */
  public void respond(Function<Request, Reply> byRequest) {
    replies = byRequest;
  }

  /** Waits this long before each answer (a slow endpoint). */
  public void delay(long millis) {
    delayMillis = millis;
  }

  /** Answers the first {@code n} requests in all, then holds the rest until {@link #releaseHeld()}. */
  public void answerOnly(int n) {
    answerFirst = n;
  }

  /** Lets held (and hanging) requests go, their connections closed; new ones are answered. */
  public void releaseHeld() {
    answerFirst = Integer.MAX_VALUE;
    released.countDown();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests received in all, copies included. */
  public int count() {
    return requests.size();
  }

  public Request last() {
    return requests.get(requests.size() - 1);
  }

  /** Requests held so far (past {@link #answerOnly}'s number). */
  public int held() {
    return held.get();
  }

  /** The (webhook path, event) pairs of the requests held so far. */
  public Set<String> heldPairs() {
    return Set.copyOf(heldPairs);
  }

  /** Distinct (webhook path, event) pairs received. */
  public int distinct() {
    return receipts().size();
  }

  /** Every (webhook path, event) pair with the arrival times (millis) of each copy. */
  public Map<String, List<Long>> receipts() {
    return requests.stream().collect(Collectors.groupingBy(Request::pair,
        Collectors.mapping(Request::receivedAtMillis, Collectors.toList())));
  }

  /** The {@code hookdesk-attempt} header of each receipt of a pair, in order. */
  public List<String> attempts(String pair) {
    return requests.stream().filter(r -> r.pair().equals(pair)).map(r -> r.header("hookdesk-attempt"))
        .toList();
  }

  private synchronized Request record(String path, Map<String, String> headers, byte[] body) {
    Request r = new Request(requests.size() + 1, path, headers, body, System.currentTimeMillis());
    requests.add(r);
    return r;
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] body;
    try (InputStream in = x.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
    Request request = record(x.getRequestURI().getPath(), headers, body);
    Reply reply;
    if (request.number() > answerFirst) {
      held.incrementAndGet();
      heldPairs.add(request.pair());
      reply = Reply.hang();
    } else {
      reply = replies.apply(request);
    }
    if (reply.hangs()) {
      await();
      x.close();
      return;
    }
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reply.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    x.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) x.getResponseBody().write(reply.body());
    x.close();
  }

  private void await() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    released.countDown();
    if (server != null) server.stop(0);
    pool.shutdownNow();
    try {
      if (raw != null) raw.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
