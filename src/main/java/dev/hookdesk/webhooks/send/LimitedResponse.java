package dev.hookdesk.webhooks.send;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

/** Collects a response, keeping at most {@code max} bytes of its body, into an {@link AttemptResult}. */
final class LimitedResponse implements Response.Listener {
  /** Aborts a response whose body outgrew the limit; what arrived so far still counts. */
  private static final Exception ENOUGH = new Exception("response body over the limit") {
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

  LimitedResponse(int max, long started, Duration timeout, CompletableFuture<AttemptResult> out) {
    this.max = max;
    this.started = started;
    this.timeout = timeout;
    this.out = out;
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
    if (failure != null && !truncated) {
      out.complete(failure(started, JettyWebhookSender.describe(failure, timeout)));
      return;
    }
    Response r = result.getResponse();
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField f : r.getHeaders()) {
      headers.merge(f.getLowerCaseName(), f.getValue(), (a, b) -> a + ", " + b);
    }
    int status = r.getStatus();
    Optional<Duration> retryAfter = status == 429 || status == 503
        ? retryAfter(headers.get("retry-after"), Instant.now()) : Optional.empty();
    out.complete(new AttemptResult(status, headers, body.toString(StandardCharsets.UTF_8),
        millisSince(started), null, retryAfter));
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
