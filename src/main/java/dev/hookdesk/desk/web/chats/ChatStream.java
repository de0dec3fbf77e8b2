package dev.hookdesk.desk.web.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.events.Event;
import dev.hookdesk.live.LiveEvents;
import dev.hookdesk.live.SseStream;
import dev.hookdesk.live.StreamLimit;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;

/**
 * The console's live stream, one per open page, of the agent's workspace only: {@code message}
 * (the HTML of a new line of the open chat, when the agent may see that chat), {@code chat}
 * (something else changed in the open chat) and {@code chats} (a chat changed somewhere; the
 * lists reload). Each carries its event's sequence as the id, so a reconnect resumes after it.
 * A session (a browser) may have {@value #STREAMS_PER_SESSION} open at once, one per tab.
 */
final class ChatStream {
  static final int STREAMS_PER_SESSION = 8;
  private static final String NOTHING = "{}";

  private final LiveEvents live;
  private final ConsoleGate gate;
  private final StreamLimit perSession = new StreamLimit(STREAMS_PER_SESSION);

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
   * Answers 429 when the session has its streams open already. The stream ends with the session.
   */
  void serve(Context ctx, ConsoleSession s, Viewer v, String openChat) throws IOException {
    long after = SseStream.resumeAfter(ctx).orElseGet(() -> now(v));
    Optional<StreamLimit.Place> place = perSession.take(s.idHash());
    if (place.isEmpty()) {
      ctx.status(429).result("This session has " + STREAMS_PER_SESSION + " chat streams open already.");
      return;
    }
    try (var held = place.get()) {
      gate.stream(ctx, s, live.subscribe(v.workspaceId(), after, e -> shows(e, v, openChat)),
          e -> render(e, openChat));
    }
  }

  /**
   * Whether the page shows anything of the event: a message only on the page of its chat, when
   * the agent may see it. Decided by the workspace's live reader as it hands the event out, so
   * a message wakes only the streams of its chat, not every open console.
   */
  private static boolean shows(Event e, Viewer v, String openChat) {
    if (!e.type().startsWith("chat.")) return false;
    if (!isMessage(e)) return true;
    JsonNode chat = e.data().path("chat");
    return chat.path("id").asText().equals(openChat) && ChatSight.sees(chat, v);
  }

  private static boolean isMessage(Event e) {
    return e.type().equals("chat.message_received") || e.type().equals("chat.message_sent");
  }

  private Optional<SseStream.Message> render(Event e, String openChat) {
    JsonNode chat = e.data().path("chat");
    boolean open = chat.path("id").asText().equals(openChat);
    if (isMessage(e)) {
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
