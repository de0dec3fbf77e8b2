package dev.hookdesk.webhooks;

import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose webhooks a caller manages: an admin all of its workspace's, an app token only
 * those its app (or, without an app, the token itself) owns (SPEC §8). The delivery log asks
 * the same question, so a delivery is seen by exactly who sees its webhook.
 */
public record Owner(String workspaceId, Optional<String> appId) {
  public Owner {
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(appId);
  }

  public static Owner of(Principal p) {
    Optional<String> app = p.role() == Role.APP
        ? Optional.of(p.appId().orElse(p.tokenId())) : Optional.empty();
    return new Owner(p.workspaceId(), app);
  }

  public boolean sees(Webhook w) {
    return w.workspaceId().equals(workspaceId)
        && (appId.isEmpty() || appId.get().equals(w.appId()));
  }
}
