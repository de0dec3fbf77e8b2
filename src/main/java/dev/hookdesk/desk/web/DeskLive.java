package dev.hookdesk.desk.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.desk.tickets.TicketViews;
import dev.hookdesk.events.Event;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.live.LiveEvents;
import dev.hookdesk.live.SseStream;
import dev.hookdesk.live.StreamLimit;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /desk/live}: a server-sent event {@code ticket} ({@code {"id"}}) whenever a ticket of
 * the session's workspace changes (only that ticket's with {@code ?ticket=}), so an open view
 * or ticket page reloads its live region. It carries ids only: the reload goes through the
 * session's checks again. It ends when the session does (sign-out, deactivation, a new
 * password); without a session it answers 401, which stops an EventSource.
 */
public final class DeskLive implements Routes {
  /** Per session: a browser's tabs of the inbox and of tickets. */
  static final int STREAMS_PER_SESSION = 8;

  private final ConsoleGate gate;
  private final LiveEvents live;
  private final TicketViews views;
  private final StreamLimit open = new StreamLimit(STREAMS_PER_SESSION);

  DeskLive(ConsoleGate gate, LiveEvents live, TicketViews views) {
    this.gate = Objects.requireNonNull(gate);
    this.live = Objects.requireNonNull(live);
    this.views = Objects.requireNonNull(views);
  }

  @Override
  public void register(Router router) {
    router.raw().get("/desk/live", this::serve);
  }

  private void serve(Context ctx) throws IOException {
    Optional<ConsoleSession> session = gate.session(ctx);
    if (session.isEmpty()) {
      ctx.status(401).result("Sign in to follow the desk live.");
      return;
    }
    String ws = session.get().workspaceId();
    Optional<String> ticket = Optional.ofNullable(ctx.queryParam("ticket")).filter(t -> !t.isEmpty());
    if (ticket.isPresent() && views.find(ws, ticket.get()).isEmpty()) {
      ctx.status(404).result("No such ticket in this workspace.");
      return;
    }
    Optional<StreamLimit.Place> place = open.take(session.get().idHash());
    if (place.isEmpty()) {
      ctx.status(429).result("This session has " + STREAMS_PER_SESSION + " live streams open already.");
      return;
    }
    try (var held = place.get()) {
      gate.stream(ctx, session.get(), live.subscribe(ws, live.now(ws), e -> ofTicket(e, ticket)),
          e -> Optional.of(new SseStream.Message("ticket", JsonNodeFactory.instance.objectNode()
              .put("id", e.data().path("ticket").path("id").asText()).toString())));
    }
  }

  private static boolean ofTicket(Event e, Optional<String> ticket) {
    if (!e.type().startsWith("ticket.")) return false;
    return ticket.isEmpty() || ticket.get().equals(e.data().path("ticket").path("id").asText());
  }
}
