package dev.hookdesk.console;

import dev.hookdesk.events.Actor;
import dev.hookdesk.http.Principal;
import java.util.Objects;

/** A signed-in console browser: the admin token behind it and the CSRF token of its forms. */
public record ConsoleSession(String idHash, Principal principal, String csrf) {
  public ConsoleSession {
    Objects.requireNonNull(idHash);
    Objects.requireNonNull(principal);
    Objects.requireNonNull(csrf);
  }

  public String workspaceId() {
    return principal.workspaceId();
  }

  /** The actor of events caused from the console. */
  public Actor actor() {
    return principal.actor("console");
  }

  public Chrome chrome(String title, String section) {
    return new Chrome(title, section, csrf, principal.role().key() + " token " + principal.tokenId());
  }
}
