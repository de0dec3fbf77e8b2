package dev.hookdesk.desk.chats.routing;

import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Built-in routing: the online human agent with the fewest chats who has room (ties: oldest id). */
public final class LeastBusyRouter implements ChatRouter {
  private final AgentService agents;

  public LeastBusyRouter(AgentService agents) {
    this.agents = Objects.requireNonNull(agents);
  }

  @Override
  public Optional<Choice> choose(Handle h, RoutingRequest request, Advice advice) {
    for (Agent candidate : agents.available(h, request.workspaceId(), "human")) {
      // The candidate list was read without locks; another chat may have taken the last seat.
      Agent locked = agents.lock(h, request.workspaceId(), candidate.id());
      if (!locked.isBot() && locked.hasRoom()) return Optional.of(Choice.of(locked));
    }
    return Optional.empty();
  }
}
