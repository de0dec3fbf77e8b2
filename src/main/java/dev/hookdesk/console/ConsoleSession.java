package dev.hookdesk.console;

import dev.hookdesk.core.Actor;
import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import java.util.Objects;

/**
 * A signed-in browser: what it may do (the token behind it, or the agent who gave their
 * password), the CSRF token of its forms, and the name shown as who is signed in.
 */
public record ConsoleSession(String idHash, Principal principal, String csrf, String name) {
  public ConsoleSession {
    Objects.requireNonNull(idHash);
    Objects.requireNonNull(principal);
    Objects.requireNonNull(csrf);
    Objects.requireNonNull(name);
  }

  public String workspaceId() {
    return principal.workspaceId();
  }

  public boolean isAdmin() {
    return principal.role() == Role.ADMIN;
  }

  /** Signed in by a person with their password, not with a token (whose id it then lacks). */
  public boolean person() {
    return principal.agentId().map(principal.tokenId()::equals).orElse(false);
  }

  /** The actor of events caused from the browser: the agent, else the token. */
  public Actor actor() {
    return principal.actor("console");
  }

  public Chrome chrome(String title, String section) {
    return new Chrome(title, section, csrf, name);
  }
}
