package dev.hookdesk.apps;

import dev.hookdesk.core.Actor;
import dev.hookdesk.http.Page;
import dev.hookdesk.webhooks.AppWebhookView;
import dev.hookdesk.webhooks.WebhookRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a workspace admin does with apps outside the API (Settings → Apps): the same calls the
 * API's routes make, so the console and the API validate, write and emit alike.
 */
public final class WorkspaceApps {
  /** Settings → Apps lists at most this many published apps; the API pages through any number. */
  static final int MAX_LISTED = 100;

  private final Apps apps;
  private final Installations installations;
  private final Grants grants;
  private final WebhookRegistry webhooks;

  public WorkspaceApps(Apps apps, Installations installations, Grants grants, WebhookRegistry webhooks) {
    this.apps = Objects.requireNonNull(apps);
    this.installations = Objects.requireNonNull(installations);
    this.grants = Objects.requireNonNull(grants);
    this.webhooks = Objects.requireNonNull(webhooks);
  }

  public List<Installation> installations(String workspaceId) {
    return installations.list(workspaceId);
  }

  /** An active installation of this workspace; another workspace's id is not found. */
  public Installation installation(String workspaceId, String id) {
    return installations.get(workspaceId, id);
  }

  /** {@code POST /apps/{id}/webhooks/enable|disable} for the app of this installation. */
  public void setWebhooks(String workspaceId, String installationId, boolean enabled) {
    Installation i = installations.get(workspaceId, installationId);
    installations.setWebhooksEnabled(i.appId(), workspaceId, enabled);
  }

  /** {@code DELETE /installations/{id}}. */
  public Installation uninstall(String workspaceId, String installationId, Actor actor) {
    return grants.uninstall(workspaceId, installationId, actor);
  }

  /** The apps this workspace publishes. */
  public List<App> published(String workspaceId) {
    return apps.list(workspaceId, new Page(MAX_LISTED, Optional.empty())).data();
  }

  /** {@code POST /apps/{id}/secret/rotate}: the new secret, shown once. */
  public App.WithSecret rotateSecret(String workspaceId, String appId) {
    return apps.rotateSecret(workspaceId, appId);
  }

  /** The webhooks of an app this workspace publishes (secrets masked). */
  public List<AppWebhookView> webhooks(String workspaceId, String appId) {
    apps.get(workspaceId, appId);
    return webhooks.ofApp(appId);
  }
}
