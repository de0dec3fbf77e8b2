package dev.hookdesk.http;

import dev.hookdesk.events.Actor;
import java.util.Objects;
import java.util.Optional;

/** Who is calling: the token, its workspace and its role. */
public record Principal(String tokenId, String workspaceId, Role role, boolean owner,
    Optional<String> appId) {

  public Principal {
    Objects.requireNonNull(tokenId);
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(role);
  }

  /** The actor recorded on events this caller causes, unless the request names an author. */
  public Actor actor(String via) {
    return switch (role) {
      case APP -> new Actor("app", appId.orElse(tokenId), appId.orElse(via));
      default -> new Actor("agent", tokenId, via);
    };
  }
}
