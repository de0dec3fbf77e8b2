package dev.hookdesk.widget;

import dev.hookdesk.events.Event;
import dev.hookdesk.live.LiveEvents;
import dev.hookdesk.live.SseStream;
import dev.hookdesk.live.StreamLimit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.Optional;

/**
 * The chat's live stream for its visitor: {@code message} events (from either side) and
 * {@code chat} events (status, agents, rating), each with the event's sequence as its id.
 * Resumes after {@code Last-Event-ID}, else after {@code ?after=} (the {@code stream_after}
 * the API gave with the messages), else from now.
 */
final class WidgetStream {
  static final int STREAMS_PER_VISITOR = 4;

  private final LiveEvents live;
  private final VisitorView view;
  private final StreamLimit open = new StreamLimit(STREAMS_PER_VISITOR);

  WidgetStream(LiveEvents live, VisitorView view) {
    this.live = live;
    this.view = view;
  }

  void serve(Context ctx, Visitor v, String chatId) throws IOException {
    long after = SseStream.resumeAfter(ctx).orElseGet(() -> live.now(v.workspaceId()));
    try (var place = open.take(v.sessionId()).orElseThrow(() -> new HttpResponseException(429,
        "This visitor has " + STREAMS_PER_VISITOR + " streams open already; close one first"))) {
      var subscription = live.subscribe(v.workspaceId(), after, e -> ofChat(e, chatId));
      SseStream.open(ctx).pump(subscription, this::render, SseStream.HEARTBEAT);
    }
  }

  private static boolean ofChat(Event e, String chatId) {
    return e.type().startsWith("chat.") && chatId.equals(e.data().path("chat").path("id").asText());
  }

  private Optional<SseStream.Message> render(Event e) {
    var chat = e.data().path("chat");
    if (e.type().equals("chat.message_received") || e.type().equals("chat.message_sent")) {
      return Optional.of(new SseStream.Message("message",
          view.message(e.data().path("message"), chat).toString()));
    }
    var body = view.chat(chat);
    body.put("event", e.type().substring("chat.".length()));
    return Optional.of(new SseStream.Message("chat", body.toString()));
  }
}
