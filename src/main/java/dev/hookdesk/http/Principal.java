package dev.hookdesk.http;

import dev.hookdesk.core.Actor;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the token, its workspace and its role, and the agent it acts for, if any
 * (a token bound to an agent, or an agent's password session).
 *
 * @param tokenId the API token; for a password session, the agent's id (there is no token)
 * @param scopes the scopes granted to an app's installation token; empty for every other caller
 */
public record Principal(String tokenId, String workspaceId, Role role, boolean owner,
    Optional<String> appId, Optional<String> agentId, Optional<Set<String>> scopes) {

  public Principal {
    Objects.requireNonNull(tokenId);
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(role);
    Objects.requireNonNull(appId);
    Objects.requireNonNull(agentId);
    Objects.requireNonNull(scopes);
  }

  public Principal(String tokenId, String workspaceId, Role role, boolean owner,
      Optional<String> appId, Optional<String> agentId) {
    this(tokenId, workspaceId, role, owner, appId, agentId, Optional.empty());
  }

  /** A caller that acts for no agent. */
  public Principal(String tokenId, String workspaceId, Role role, boolean owner, Optional<String> appId) {
    this(tokenId, workspaceId, role, owner, appId, Optional.empty());
  }

  /** The actor recorded on events this caller causes, unless the request names an author. */
  public Actor actor(String via) {
    return switch (role) {
      case APP -> new Actor("app", appId.orElse(tokenId), appId.orElse(via));
      default -> new Actor("agent", agentId.orElse(tokenId), via);
    };
  }

  /**
   * Why this caller may not write as that author, if it may not: an agent-role caller that acts
   * for an agent writes as that agent only (SPEC §9). Admins and unbound tokens may name anyone.
   */
  public Optional<String> refusesAuthor(String authorType, String authorId) {
    if (role != Role.AGENT || agentId.isEmpty() || authorId == null) return Optional.empty();
    if (!"agent".equals(authorType) && !"bot".equals(authorType)) return Optional.empty();
    if (authorId.equals(agentId.get())) return Optional.empty();
    return Optional.of("you act for " + agentId.get() + " and cannot write as another agent ("
        + authorId + ")");
  }
}
