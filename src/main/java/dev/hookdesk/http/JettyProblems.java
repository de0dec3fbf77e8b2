package dev.hookdesk.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers Jetty refuses before Javalin sees the request (a path with malformed UTF-8 or an
 * encoded NUL, a bad request line) as problem+json too, not Jetty's HTML page.
 */
final class JettyProblems extends ErrorHandler {
  private final Problems problems;

  JettyProblems(Problems problems) {
    this.problems = problems;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) {
    String detail = "The request could not be read"
        + (message == null || message.isBlank() ? "" : ": " + message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.TYPE);
    response.getHeaders().put("X-Frame-Options", "DENY");
    String body = problems.json(code, Problems.title(code), detail, List.of());
    response.write(true, BufferUtil.toBuffer(body, StandardCharsets.UTF_8), callback);
  }
}
