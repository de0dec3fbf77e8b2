package dev.hookdesk.console;

import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.desk.agents.AgentManagement;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.people.People;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The owners' services behind Settings → Agents: the agents' (input checked by
 * {@code management}, as for {@code /agents}), people's invitations, and the public URL their
 * links are built on.
 */
public record AgentServices(AgentService agents, AgentManagement management, People people,
    Supplier<PublicUrl> publicUrl) {
  public AgentServices {
    Objects.requireNonNull(agents);
    Objects.requireNonNull(management);
    Objects.requireNonNull(people);
    Objects.requireNonNull(publicUrl);
  }
}
