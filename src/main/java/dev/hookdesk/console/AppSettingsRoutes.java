package dev.hookdesk.console;

import dev.hookdesk.apps.App;
import dev.hookdesk.apps.Installation;
import dev.hookdesk.apps.WorkspaceApps;
import dev.hookdesk.delivery.Delivery;
import dev.hookdesk.delivery.DeliveryService;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.webhooks.AppWebhookView;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings → Apps (SPEC §8): the apps installed in the workspace (scopes, who installed them
 * and when, their webhooks switch, uninstall) and the apps it publishes (client id, redirect
 * URIs, secret rotation, their webhooks and recent deliveries).
 */
final class AppSettingsRoutes implements Routes {
  static final String BASE = "/console/settings/apps";
  /** Recent deliveries shown per app webhook; the API pages through all of them. */
  static final int RECENT = 5;

  private final ConsoleGate gate;
  private final WorkspaceApps apps;
  private final DeliveryService deliveries;
  private final AgentService agents;

  AppSettingsRoutes(ConsoleGate gate, WorkspaceApps apps, DeliveryService deliveries, AgentService agents) {
    this.gate = Objects.requireNonNull(gate);
    this.apps = Objects.requireNonNull(apps);
    this.deliveries = Objects.requireNonNull(deliveries);
    this.agents = Objects.requireNonNull(agents);
  }

  /** @param errors what was wrong with the last form sent about this installation */
  record Installed(Installation installation, String installedBy, List<String> errors) {}

  record Hook(AppWebhookView webhook, List<Delivery> recent) {}

  record Published(App app, List<Hook> webhooks) {}

  /** A rotated client secret, shown on the page that answers the rotation and never again. */
  record NewSecret(String appId, String appName, String secret) {}

  record AppsPage(Chrome chrome, List<Installed> installed, List<Published> published, NewSecret secret) {}

  record UninstallPage(Chrome chrome, Installation installation) {}

  @Override
  public void register(Router router) {
    var r = router.raw();
    r.get(BASE, gate.page((ctx, s) -> send(ctx, s, 200, Map.of(), null)));
    r.post(BASE + "/installations/{id}/webhooks", gate.form((ctx, s) -> {
      Installation i = apps.installation(s.workspaceId(), ctx.pathParam("id"));
      String enabled = ctx.formParam("enabled");
      if (!"true".equals(enabled) && !"false".equals(enabled)) {
        send(ctx, s, 422, Map.of(i.id(), "enabled must be true or false"), null);
        return;
      }
      apps.setWebhooks(s.workspaceId(), i.id(), Boolean.parseBoolean(enabled));
      ctx.redirect(BASE, HttpStatus.SEE_OTHER);
    }));
    r.get(BASE + "/installations/{id}/uninstall", gate.page((ctx, s) -> {
      Installation i = apps.installation(s.workspaceId(), ctx.pathParam("id"));
      gate.templates().send(ctx, 200, "console/app_uninstall.jte",
          new UninstallPage(s.chrome("Uninstall " + i.appName(), "apps"), i));
    }));
    r.post(BASE + "/installations/{id}/uninstall", gate.form((ctx, s) -> {
      apps.uninstall(s.workspaceId(), ctx.pathParam("id"), s.actor());
      ctx.redirect(BASE, HttpStatus.SEE_OTHER);
    }));
    r.post(BASE + "/published/{id}/secret/rotate", gate.form((ctx, s) -> {
      App.WithSecret rotated = apps.rotateSecret(s.workspaceId(), ctx.pathParam("id"));
      send(ctx, s, 200, Map.of(), new NewSecret(rotated.id(), rotated.name(), rotated.clientSecret()));
    }));
  }

  private void send(Context ctx, ConsoleSession s, int status, Map<String, String> errors, NewSecret secret) {
    String ws = s.workspaceId();
    List<Installed> installed = apps.installations(ws).stream().map(i -> new Installed(i,
        agents.find(ws, i.installedBy()).map(Agent::name).orElse(i.installedBy()),
        Optional.ofNullable(errors.get(i.id())).map(List::of).orElse(List.of()))).toList();
    List<Published> published = apps.published(ws).stream().map(a -> new Published(a,
        apps.webhooks(ws, a.id()).stream().map(w -> new Hook(w, deliveries.list(s.principal(), w.id(),
            Optional.empty(), Optional.empty(), new Page(RECENT, Optional.empty())).data())).toList())).toList();
    gate.templates().send(ctx, status, "console/apps.jte",
        new AppsPage(s.chrome("Apps", "apps"), installed, published, secret));
  }
}
