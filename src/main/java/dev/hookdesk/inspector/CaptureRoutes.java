package dev.hookdesk.inspector;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.HttpServer;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Throttle;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /inspect/{bin_id}}: catches a request of any method, with no token — the bin id
 * is the capability — and answers 200 so that a webhook sees a success. Being public, it is
 * rate-limited per client address and per bin (429 with Retry-After), and keeps at most
 * {@value Inspector#MAX_BODY_BYTES} bytes of a body (the rest is read and dropped; the
 * capture is flagged truncated), as request bins do: the sender still sees its success.
 */
final class CaptureRoutes implements Routes {
  static final String PATH_PREFIX = "/inspect/";
  static final int PER_ADDRESS_PER_MINUTE = 60;
  static final int PER_BIN_PER_MINUTE = 120;
  private static final int REMEMBERED_KEYS = 10_000;
  private static final int MAX_QUERY_CHARS = 4096; // the column's size
  private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);

  private final Inspector inspector;
  private final Throttle perAddress;
  private final Throttle perBin;

  CaptureRoutes(Inspector inspector, Clock clock) {
    this.inspector = Objects.requireNonNull(inspector);
    this.perAddress = new Throttle(PER_ADDRESS_PER_MINUTE, REMEMBERED_KEYS, clock);
    this.perBin = new Throttle(PER_BIN_PER_MINUTE, REMEMBERED_KEYS, clock);
  }

  @Override
  public void register(Router router) {
    for (HandlerType method : METHODS) {
      router.raw().addHttpHandler(method, PATH_PREFIX + "{bin_id}", this::capture);
    }
  }

  private void capture(Context ctx) {
    String binId = ctx.pathParam("bin_id");
    perAddress.check(ctx, ctx.ip(), "from this address");
    perBin.check(ctx, binId, "into this bin");
    if (ctx.req().getContentLengthLong() > HttpServer.MAX_BODY_BYTES) {
      throw new HttpResponseException(413, "too large");
    }
    List<Capture.Header> headers = new ArrayList<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      for (String value : Collections.list(ctx.req().getHeaders(name))) {
        headers.add(new Capture.Header(name, value));
      }
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    long size = read(ctx, kept);
    String query = ctx.queryString();
    if (query != null && query.length() > MAX_QUERY_CHARS) query = query.substring(0, MAX_QUERY_CHARS);
    String id = inspector.capture(binId, ctx.method().name(), ctx.path(), query, ctx.ip(), headers,
            kept.toByteArray(), size)
        .orElseThrow(() -> new NotFound("Inspector bin", binId));
    ctx.status(200).json(Map.of("received", true, "request_id", id,
        "truncated", size > Inspector.MAX_BODY_BYTES));
  }

  /**
   * Keeps the body's first {@value Inspector#MAX_BODY_BYTES} bytes and counts the rest, so a
   * capture never holds more in memory; past the server's 1 MiB request limit it is refused.
   */
  private static long read(Context ctx, ByteArrayOutputStream kept) {
    byte[] buffer = new byte[8192];
    long size = 0;
    try (InputStream in = ctx.req().getInputStream()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        int keep = (int) Math.max(0, Math.min(n, Inspector.MAX_BODY_BYTES - size));
        kept.write(buffer, 0, keep);
        size += n;
        if (size > HttpServer.MAX_BODY_BYTES) throw new HttpResponseException(413, "too large");
      }
    } catch (IOException e) {
      throw new HttpResponseException(400, "the request body could not be read");
    }
    return size;
  }
}
