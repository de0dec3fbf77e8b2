package dev.hookdesk.desk.chats;

import dev.hookdesk.core.Actor;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.routing.Advice;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.chats.routing.Choice;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Gives chats to agents: new chats through the router, waiting chats to agents who get room. */
final class Assignment {
  /** Routing decisions are the system's, not the caller's. */
  static final Actor ROUTING = new Actor("system", null, "routing");

  private final ChatStore chats;
  private final AgentService agents;
  private final ChatRouter router;
  private final Participation participation;
  private final Snapshots snapshots;
  private final ChatEvents events;
  private final Clock clock;

  Assignment(ChatStore chats, AgentService agents, ChatRouter router, Participation participation,
      Snapshots snapshots, ChatEvents events, Clock clock) {
    this.chats = chats;
    this.agents = agents;
    this.router = router;
    this.participation = participation;
    this.snapshots = snapshots;
    this.events = events;
    this.clock = clock;
  }

  /** Asks the router first, before the chat's events lock the workspace's event sequence. */
  Optional<Choice> choose(Handle h, RoutingRequest request, Advice advice) {
    return router.choose(h, request, advice);
  }

  /** Applies the router's choice to a chat that needs an agent, or records that it waits. */
  void apply(Handle h, String workspaceId, String chatId, Optional<Choice> choice, Advice advice) {
    ChatRow chat = chats.get(h, workspaceId, chatId);
    if (choice.isPresent()) {
      Choice c = choice.get();
      assign(h, chat, c.agent(), routingNotes(c.decidedBy(), c.fallbackReason()));
    } else {
      events.emit(h, workspaceId, ROUTING, "chat.no_agents_available", snapshots.of(h, chat),
          routingNotes(null, advice.fallbackReason()));
    }
  }

  /** {@code decided_by} / {@code fallback_reason} beside the chat, when a decision webhook took part. */
  private static Object[] routingNotes(String decidedBy, String fallbackReason) {
    List<Object> notes = new ArrayList<>();
    if (decidedBy != null) notes.addAll(List.of("decided_by", decidedBy));
    if (fallbackReason != null) notes.addAll(List.of("fallback_reason", fallbackReason));
    return notes.toArray();
  }

  /** Gives the oldest waiting chats of the workspace to an agent who now has room. */
  void fillSeats(Handle h, String workspaceId, String agentId) {
    Agent agent = agents.lock(h, workspaceId, agentId);
    while (!agent.isBot() && agent.hasRoom()) {
      Optional<ChatRow> waiting = chats.lockOldestWaiting(h, workspaceId);
      if (waiting.isEmpty()) return;
      assign(h, waiting.get(), agent, new Object[0]);
      agent = agents.get(h, workspaceId, agentId);
    }
  }

  void fillSeats(Handle h, String workspaceId, List<String> agentIds) {
    agentIds.forEach(id -> fillSeats(h, workspaceId, id));
  }

  private void assign(Handle h, ChatRow chat, Agent agent, Object[] notes) {
    boolean statusChanged = participation.join(h, chat, agent.id(), clock.instant());
    Chat after = snapshots.of(h, chat.workspaceId(), chat.id());
    List<Object> extras = new ArrayList<>(List.of("agent", agents.get(h, chat.workspaceId(), agent.id())));
    extras.addAll(List.of(notes));
    events.emit(h, chat.workspaceId(), ROUTING, "chat.assigned", after, extras.toArray());
    if (statusChanged) events.statusChanged(h, chat.workspaceId(), ROUTING, after);
  }
}
