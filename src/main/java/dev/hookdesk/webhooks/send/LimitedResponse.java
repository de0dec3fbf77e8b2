package dev.hookdesk.webhooks.send;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/** Collects a response, keeping at most {@code max} bytes of its body, into an {@link AttemptResult}. */
final class LimitedResponse implements Response.Listener {
  /** Aborts a response whose body outgrew the limit; what arrived so far still counts. */
  private static final Exception ENOUGH = new Exception("response body over the limit") {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  };

  /** A larger header section fails the attempt as it arrives (a header bomb costs nothing). */
  static final int MAX_HEADER_BYTES = 16 * 1024;
  static final String HEADERS_TOO_LARGE = "response headers over " + MAX_HEADER_BYTES / 1024 + " KiB";
  /** Of the headers accepted, how many names and characters are kept (and stored). */
  static final int MAX_HEADERS = 64;
  static final int MAX_HEADER_CHARS = 16 * 1024;
  private static final Exception TOO_LARGE = new Exception(HEADERS_TOO_LARGE) {
    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  };

  private final int max;
  private final long started;
  private final Duration timeout;
  private final CompletableFuture<AttemptResult> out;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int headerBytes;

  LimitedResponse(int max, long started, Duration timeout, CompletableFuture<AttemptResult> out) {
    this.max = max;
    this.started = started;
    this.timeout = timeout;
    this.out = out;
  }

  @Override
  public boolean onHeader(Response response, HttpField field) {
    // as on the wire: "name: value" and CRLF
    headerBytes += field.getName().length() + 4 + (field.getValue() == null ? 0 : field.getValue().length());
    if (headerBytes <= MAX_HEADER_BYTES) return true;
    response.abort(TOO_LARGE);
    return false;
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    int room = max - body.size();
    int n = Math.min(room, content.remaining());
    byte[] chunk = new byte[n];
    content.get(chunk);
    body.write(chunk, 0, n);
    if (content.hasRemaining()) response.abort(ENOUGH);
  }

  @Override
  public void onComplete(Result result) {
    Throwable failure = result.getFailure();
    boolean truncated = failure == ENOUGH || result.getResponseFailure() == ENOUGH;
    if (failure == TOO_LARGE || result.getResponseFailure() == TOO_LARGE) {
      out.complete(failure(started, HEADERS_TOO_LARGE));
      return;
    }
    if (failure != null && !truncated) {
      out.complete(failure(started, JettyWebhookSender.describe(failure, timeout)));
      return;
    }
    Response r = result.getResponse();
    int status = r.getStatus();
    Optional<Duration> retryAfter = status == 429 || status == 503
        ? retryAfter(r.getHeaders().get("retry-after"), Instant.now()) : Optional.empty();
    out.complete(new AttemptResult(status, kept(r.getHeaders()), body.toByteArray(),
        millisSince(started), null, retryAfter));
  }

  /**
   * The headers kept of a response: at most {@value #MAX_HEADERS} names and
   * {@value #MAX_HEADER_CHARS} characters in all (names and values); the rest is dropped.
   * Repeated names are joined with ", " in one pass (joining by concatenation was quadratic).
   */
  static Map<String, String> kept(HttpFields fields) {
    Map<String, StringBuilder> joined = new LinkedHashMap<>();
    int room = MAX_HEADER_CHARS;
    for (HttpField f : fields) {
      String name = f.getLowerCaseName();
      String value = f.getValue() == null ? "" : f.getValue();
      StringBuilder sb = joined.get(name);
      int cost = sb == null ? name.length() + value.length() : 2 + value.length();
      if (cost > room || (sb == null && joined.size() == MAX_HEADERS)) continue;
      room -= cost;
      if (sb == null) {
        joined.put(name, new StringBuilder(value));
      } else {
        sb.append(", ").append(value);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    joined.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  static AttemptResult failure(long started, String error) {
    return new AttemptResult(0, Map.of(), null, millisSince(started), error, Optional.empty());
  }

  /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); bad values are ignored. */
  static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) return Optional.empty();
    String v = value.trim();
    if (v.matches("\\d{1,9}")) return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(now, at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
