package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.events.Event;
import dev.hookdesk.live.LiveEvents;
import dev.hookdesk.live.SseStream;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/**
 * The console's live stream, one per open page, of the agent's workspace only: {@code message}
 * (the HTML of a new line of the open chat, when the agent may see that chat), {@code chat}
 * (something else changed in the open chat) and {@code chats} (a chat changed somewhere; the
 * lists reload). Each carries its event's sequence as the id, so a reconnect resumes after it.
 */
final class ChatStream {
  private static final String NOTHING = "{}";

  private final LiveEvents live;
  private final ConsoleGate gate;

  ChatStream(LiveEvents live, ConsoleGate gate) {
    this.live = live;
    this.gate = gate;
  }

  /** Where the stream of a page rendered now takes over: read before reading what it shows. */
  long now(Viewer v) {
    return live.now(v.workspaceId());
  }

  /**
   * {@code openChat} is null on the page without an open chat; the caller checked it is visible.
   * The stream ends with the session.
   */
  void serve(Context ctx, ConsoleSession s, Viewer v, String openChat) throws IOException {
    long after = SseStream.resumeAfter(ctx).orElseGet(() -> now(v));
    gate.stream(ctx, s, live.subscribe(v.workspaceId(), after, e -> e.type().startsWith("chat.")),
        e -> render(e, v, openChat));
  }

  private Optional<SseStream.Message> render(Event e, Viewer v, String openChat) {
    JsonNode chat = e.data().path("chat");
    boolean open = chat.path("id").asText().equals(openChat);
    if (e.type().equals("chat.message_received") || e.type().equals("chat.message_sent")) {
      if (!open || !ChatSight.sees(chat, v)) return Optional.empty();
      var line = ChatViews.Line.of(e.data().path("message"), chat);
      return Optional.of(new SseStream.Message("message", dataLines(
          gate.templates().render("desk/chat_line.jte", line))));
    }
    return Optional.of(new SseStream.Message(open ? "chat" : "chats", NOTHING));
  }

  /** HTML over several {@code data:} lines, which the browser joins again with newlines. */
  static String dataLines(String html) {
    return html.strip().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\ndata: ");
  }
}
