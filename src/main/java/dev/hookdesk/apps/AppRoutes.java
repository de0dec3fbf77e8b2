package dev.hookdesk.apps;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;

/**
 * {@code /apps}: an admin registers the apps its workspace publishes and manages them;
 * {@code /installations}: the apps installed in the caller's workspace, and uninstalling one.
 */
public final class AppRoutes implements Routes {
  private final Apps apps;
  private final Installations installations;
  private final Grants grants;

  public AppRoutes(Apps apps, Installations installations, Grants grants) {
    this.apps = Objects.requireNonNull(apps);
    this.installations = Objects.requireNonNull(installations);
    this.grants = Objects.requireNonNull(grants);
  }

  @Override
  public void register(Router r) {
    r.post("/apps", Access.ADMIN, c -> c.created(apps.register(c.workspaceId(), AppForm.read(c.body(), true))));
    r.get("/apps", Access.ADMIN, c -> c.ok(apps.list(c.workspaceId(), c.page())));
    r.get("/apps/{id}", Access.ADMIN, c -> c.ok(apps.get(c.workspaceId(), c.path("id"))));
    r.patch("/apps/{id}", Access.ADMIN, c -> c.ok(apps.update(c.workspaceId(), c.path("id"),
        AppForm.read(c.body(), false))));
    r.delete("/apps/{id}", Access.ADMIN, c -> {
      grants.deleteApp(apps, c.workspaceId(), c.path("id"), c.actor());
      c.noContent();
    });
    r.post("/apps/{id}/secret/rotate", Access.ADMIN, c -> c.ok(apps.rotateSecret(c.workspaceId(), c.path("id"))));
    r.get("/installations", Access.ADMIN, c -> {
      var all = installations.list(c.workspaceId());
      c.ok(Page.Result.of(all, Math.max(1, all.size()), Installation::id));
    });
    r.get("/installations/{id}", Access.ADMIN, c -> c.ok(installations.get(c.workspaceId(), c.path("id"))));
    r.delete("/installations/{id}", Access.ADMIN, this::uninstall);
  }

  private void uninstall(Call c) {
    grants.uninstall(c.workspaceId(), c.path("id"), c.actor());
    c.noContent();
  }
}
