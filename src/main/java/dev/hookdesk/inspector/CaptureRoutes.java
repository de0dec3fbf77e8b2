package dev.hookdesk.inspector;

import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.HttpServer;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /inspect/{bin_id}}: catches a request of any method, with no token — the bin id
 * is the capability — and answers 200 so that a webhook sees a success.
 */
final class CaptureRoutes implements Routes {
  static final String PATH_PREFIX = "/inspect/";
  private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS);

  private final Inspector inspector;

  CaptureRoutes(Inspector inspector) {
    this.inspector = Objects.requireNonNull(inspector);
  }

  @Override
  public void register(Router router) {
    for (HandlerType method : METHODS) {
      router.raw().addHttpHandler(method, PATH_PREFIX + "{bin_id}", this::capture);
    }
  }

  private void capture(Context ctx) {
    if (ctx.req().getContentLengthLong() > HttpServer.MAX_BODY_BYTES) {
      throw new HttpResponseException(413, "too large");
    }
    String binId = ctx.pathParam("bin_id");
    List<Capture.Header> headers = new ArrayList<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      for (String value : Collections.list(ctx.req().getHeaders(name))) {
        headers.add(new Capture.Header(name, value));
      }
    }
    String id = inspector.capture(binId, ctx.method().name(), ctx.path(), ctx.queryString(),
            ctx.ip(), headers, ctx.bodyAsBytes())
        .orElseThrow(() -> new NotFound("Inspector bin", binId));
    ctx.status(200).json(Map.of("received", true, "request_id", id));
  }
}
