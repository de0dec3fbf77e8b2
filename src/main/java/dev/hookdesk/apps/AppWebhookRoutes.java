package dev.hookdesk.apps;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Role;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.webhooks.WebhookManagement;
import dev.hookdesk.webhooks.WebhookRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * An app's webhooks (SPEC §8). The app registers, lists and deletes them with its client
 * credentials, once for every workspace; in each workspace the installation token or an admin
 * switches them on and off. Another app's id answers 404, as an id of another workspace does.
 */
public final class AppWebhookRoutes implements Routes {
  private final Apps apps;
  private final Installations installations;
  private final WebhookManagement webhooks;
  private final WebhookRegistry registry;

  /** The answer of the per-workspace switch. */
  public record State(boolean enabled) {}

  public AppWebhookRoutes(Apps apps, Installations installations, WebhookManagement webhooks,
      WebhookRegistry registry) {
    this.apps = Objects.requireNonNull(apps);
    this.installations = Objects.requireNonNull(installations);
    this.webhooks = Objects.requireNonNull(webhooks);
    this.registry = Objects.requireNonNull(registry);
  }

  @Override
  public void register(Router r) {
    r.post("/apps/{id}/webhooks", Access.CLIENT,
        c -> c.created(webhooks.createForApp(c.workspaceId(), self(c), c.body().raw())));
    r.get("/apps/{id}/webhooks", Access.CLIENT, c -> {
      var all = registry.ofApp(self(c));
      c.ok(new Page.Result<>(all, null));
    });
    r.delete("/apps/{id}/webhooks/{whk}", Access.CLIENT, c -> {
      String app = self(c);
      registry.deleteOfApp(app, new Actor("app", app, app), c.path("whk"));
      c.noContent();
    });
    r.post("/apps/{id}/webhooks/enable", Access.WEBHOOKS, c -> c.ok(set(c, true)));
    r.post("/apps/{id}/webhooks/disable", Access.WEBHOOKS, c -> c.ok(set(c, false)));
    r.get("/apps/{id}/webhooks/state", Access.WEBHOOKS,
        c -> c.ok(new State(installations.webhooksEnabled(installed(c), c.workspaceId()))));
  }

  /** The app calling with its own client credentials, if the path names it. */
  private static String self(Call c) {
    String id = c.path("id");
    if (!c.principal().appId().equals(Optional.of(id))) throw new NotFound("App", id);
    return id;
  }

  /**
   * The app of the path as installed in the caller's workspace: its own installation token, or
   * an admin of a workspace that has it installed.
   */
  private String installed(Call c) {
    String id = c.path("id");
    boolean mine = c.principal().role() == Role.ADMIN || c.principal().appId().equals(Optional.of(id));
    if (!mine || !installations.isInstalled(id, c.workspaceId())) throw new NotFound("App", id);
    return id;
  }

  private State set(Call c, boolean enabled) {
    String app = installed(c);
    installations.setWebhooksEnabled(app, c.workspaceId(), enabled);
    return new State(enabled);
  }
}
