package dev.hookdesk.webhooks;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET/PUT /settings/webhooks}: the workspace-wide switch. Off, events are still
 * logged but no webhook matches them, so no deliveries are created.
 */
public final class WebhookSettings implements Routes {
  private final Jdbi jdbi;

  public WebhookSettings(Jdbi jdbi) {
    this.jdbi = Objects.requireNonNull(jdbi);
  }

  record Settings(boolean enabled) {}

  @Override
  public void register(Router r) {
    r.get("/settings/webhooks", Access.ADMIN, c -> c.ok(get(c.workspaceId())));
    r.put("/settings/webhooks", Access.ADMIN, c -> {
      JsonBody b = c.body().allow("enabled");
      boolean enabled = b.bool("enabled");
      b.done();
      setEnabled(c.workspaceId(), enabled);
      c.ok(get(c.workspaceId()));
    });
  }

  public boolean enabled(String workspaceId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT webhooks_enabled FROM workspaces WHERE id = :ws")
        .bind("ws", workspaceId).mapTo(Boolean.class).one());
  }

  public void setEnabled(String workspaceId, boolean enabled) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE workspaces SET webhooks_enabled = :on WHERE id = :ws")
        .bind("on", enabled).bind("ws", workspaceId).execute());
  }

  private Settings get(String workspaceId) {
    return new Settings(enabled(workspaceId));
  }
}
