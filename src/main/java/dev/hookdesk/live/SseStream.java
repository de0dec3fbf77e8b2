package dev.hookdesk.live;

import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.events.Event;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A server-sent event stream on a plain request: the handler's (virtual) thread stays in
 * {@link #pump} until the client goes (or the stream is ended: its session ended). Javalin's own {@code sse()} hands the client to its async
 * executor and closes the connection after; a plain handler keeps errors (401, 404) as
 * problem+json before the stream opens and lets the stream block cheaply on Jetty's virtual threads.
 */
public final class SseStream {
  /** Comments this often keep proxies (and Jetty's 30 s idle timeout) from closing a quiet stream. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(15);

  /** One message: {@code event} is its name, {@code json} one line of JSON. */
  public record Message(String event, String json) {}

  private final OutputStream out;

  private SseStream(OutputStream out) {
    this.out = out;
  }

  /** Sends the headers; from here on errors can only end the stream. */
  public static SseStream open(Context ctx) throws IOException {
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType("text/event-stream");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-cache, no-store");
    res.setHeader("X-Accel-Buffering", "no"); // nginx: pass each event on at once
    SseStream s = new SseStream(res.getOutputStream());
    s.write("retry: 3000\n\n");
    return s;
  }

  /**
   * Sends each event {@code render} shows (the id is its sequence, which a reconnecting
   * EventSource sends back as {@code Last-Event-ID}) and a heartbeat when quiet, until the
   * client goes away.
   */
  public void pump(Subscription events, Function<Event, Optional<Message>> render, Duration heartbeat) {
    pump(events, render, heartbeat, () -> true);
  }

  /**
   * {@link #pump(Subscription, Function, Duration)} for as long as the subscription is not
   * {@link Subscription#end ended} and {@code open} holds, which is asked once a heartbeat: a
   * signed-in stream ends with its session.
   */
  public void pump(Subscription events, Function<Event, Optional<Message>> render, Duration heartbeat,
      BooleanSupplier open) {
    try (events) {
      long asked = System.nanoTime();
      while (!events.ended()) {
        Optional<Event> next = events.next(heartbeat);
        if (System.nanoTime() - asked >= heartbeat.toNanos()) {
          if (!open.getAsBoolean()) return;
          asked = System.nanoTime();
        }
        if (next.isEmpty()) {
          if (!events.ended()) write(": keep-alive\n\n");
          continue;
        }
        Optional<Message> m = render.apply(next.get());
        if (m.isPresent()) {
          write("id: " + next.get().sequence() + "\nevent: " + m.get().event() + "\ndata: "
              + m.get().json() + "\n\n");
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Where a stream resumes: after {@code Last-Event-ID} (a reconnecting EventSource), else after
   * {@code ?after=} (where the page or API response that opened it left off); empty for "from now".
   */
  public static Optional<Long> resumeAfter(Context ctx) {
    String last = ctx.header("Last-Event-ID");
    String field = "Last-Event-ID";
    if (last == null || last.isBlank()) {
      last = ctx.queryParam("after");
      field = "after";
    }
    if (last == null || last.isBlank()) return Optional.empty();
    if (!last.matches("[0-9]{1,18}")) {
      throw new Invalid(field, "'" + last + "' is not an event id of this stream");
    }
    return Optional.of(Long.parseLong(last));
  }

  private void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
