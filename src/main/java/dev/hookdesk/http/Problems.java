package dev.hookdesk.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place that turns errors into RFC 9457 {@code application/problem+json}. */
final class Problems {
  private static final Logger log = LoggerFactory.getLogger(Problems.class);
  static final String TYPE_BASE = "https://hookdesk.dev/problems/";
  static final String TYPE = "application/problem+json";
  static final long RETRY_AFTER_SECONDS = 1;

  private final ObjectMapper mapper;

  Problems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  void domain(DomainException e, Context ctx) {
    if (e instanceof DomainException.Busy b) {
      readBody(ctx);
      ctx.header("Retry-After", Long.toString(b.retryAfterSeconds()));
    }
    write(ctx, e.status(), e.title(), e.getMessage(), e.errors());
  }

  /**
   * Reads what is left of a refused request's body: Jetty closes a keep-alive connection whose
   * request was answered with its body unread, and the client is about to retry on it.
   */
  private static void readBody(Context ctx) {
    try {
      ctx.bodyAsBytes();
    } catch (RuntimeException tooLargeOrGone) {
      // Jetty then closes the connection, as it would have
    }
  }

  void http(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    String detail = switch (status) {
      case 413 -> "The request body is larger than 1 MiB";
      case 404 -> "No such resource: " + ctx.method() + " " + ctx.path();
      case 405 -> ctx.method() + " is not allowed on " + ctx.path();
      default -> e.getMessage();
    };
    write(ctx, status, title(status), detail, List.of());
  }

  void unexpected(Exception e, Context ctx) {
    if (noConnection(e)) {
      log.debug("no database connection for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      domain(new DomainException.Busy("The node is taking more requests than its database "
          + "connections serve; retry in " + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS), ctx);
      return;
    }
    log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
    write(ctx, 500, "Internal error", "Something went wrong on our side; it has been logged", List.of());
  }

  /**
   * Whether a request failed because the pool had no connection for it in time (HikariCP's
   * timeout): the node is overloaded, not broken, and the client should come back.
   */
  static boolean noConnection(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLTransientConnectionException) return true;
    }
    return false;
  }

  void write(Context ctx, int status, String title, String detail, List<DomainException.FieldError> errors) {
    ctx.status(status).contentType(TYPE).result(json(status, title, detail, errors));
  }

  /** The RFC 9457 body (SPEC §2). */
  String json(int status, String title, String detail, List<DomainException.FieldError> errors) {
    ObjectNode body = mapper.createObjectNode();
    body.put("type", TYPE_BASE + slug(title));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    ArrayNode list = body.putArray("errors");
    for (var fe : errors) {
      list.addObject().put("field", fe.field()).put("message", fe.message());
    }
    return body.toString();
  }

  static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      default -> "HTTP " + status;
    };
  }

  private static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
