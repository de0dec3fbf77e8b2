package dev.hookdesk.bots;

import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.routing.Advice;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.chats.routing.Choice;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Built-in routing with bots in front: a new chat goes to the least-busy online bot with room
 * that serves its source ({@code PUT /agents/{id}/sources}); otherwise, and for every chat
 * that needs a human (handoff, its agent left), to the router it wraps.
 */
public final class BotFirstRouter implements ChatRouter {
  private final ChatRouter humans;
  private final AgentService agents;
  private final BotSettings bots;

  public BotFirstRouter(ChatRouter humans, AgentService agents, BotSettings bots) {
    this.humans = Objects.requireNonNull(humans);
    this.agents = Objects.requireNonNull(agents);
    this.bots = Objects.requireNonNull(bots);
  }

  @Override
  public Optional<Choice> choose(Handle h, RoutingRequest request, Advice advice) {
    if (!request.humansOnly()) {
      List<String> serving = bots.servingBots(h, request.workspaceId(), request.source());
      List<Agent> ready = serving.isEmpty() ? List.of()
          : agents.available(h, request.workspaceId(), "bot").stream()
              .filter(b -> serving.contains(b.id()))
              .sorted(Comparator.comparingInt(Agent::activeChats).thenComparing(Agent::id)).toList();
      for (Agent bot : ready) {
        Agent locked = agents.lock(h, request.workspaceId(), bot.id());
        if (locked.hasRoom()) return Optional.of(Choice.of(locked));
      }
    }
    return humans.choose(h, request, advice);
  }
}
