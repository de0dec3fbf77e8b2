package dev.hookdesk.webhooks;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.workspaces.WorkspaceService;
import java.util.Objects;

/**
 * {@code GET/PUT /settings/webhooks}: the workspace-wide switch (a workspace's own setting,
 * kept by {@link WorkspaceService}). Off, events are still logged but no webhook matches them,
 * so no deliveries are created.
 */
public final class WebhookSettings implements Routes {
  private final WorkspaceService workspaces;

  public WebhookSettings(WorkspaceService workspaces) {
    this.workspaces = Objects.requireNonNull(workspaces);
  }

  record Settings(boolean enabled) {}

  @Override
  public void register(Router r) {
    r.get("/settings/webhooks", Access.ADMIN, c -> c.ok(get(c.workspaceId())));
    r.put("/settings/webhooks", Access.ADMIN, c -> {
      JsonBody b = c.body().allow("enabled");
      boolean enabled = b.bool("enabled");
      b.done();
      workspaces.setWebhooksEnabled(c.workspaceId(), enabled);
      c.ok(get(c.workspaceId()));
    });
  }

  private Settings get(String workspaceId) {
    return new Settings(workspaces.webhooksEnabled(workspaceId));
  }
}
