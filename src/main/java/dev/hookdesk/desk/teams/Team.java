package dev.hookdesk.desk.teams;

import java.time.Instant;
import java.util.List;

/** A team snapshot as the API shows it; {@code agentIds} keep the order they were given in. */
public record Team(String id, String name, List<String> agentIds, Instant createdAt,
    Instant updatedAt) {

  public Team {
    agentIds = List.copyOf(agentIds);
  }
}
