package dev.hookdesk.console;

import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Objects;

/** Settings → Webhooks: the Registered, Deleted, Security and Payload samples tabs, and the switch. */
final class WebhookSettingsRoutes implements Routes {
  static final String BASE = "/console/settings/webhooks";

  private final ConsoleGate gate;
  private final WebhookLists webhooks;
  private final SecurityGuide security;
  private final PayloadSamples samples;

  WebhookSettingsRoutes(ConsoleGate gate, WebhookLists webhooks, SecurityGuide security,
      PayloadSamples samples) {
    this.gate = Objects.requireNonNull(gate);
    this.webhooks = Objects.requireNonNull(webhooks);
    this.security = Objects.requireNonNull(security);
    this.samples = Objects.requireNonNull(samples);
  }

  /** The header every tab shares: which tab is open and the workspace switch. */
  record Settings(Chrome chrome, String tab, boolean deliveriesEnabled) {
    String current(String t) {
      return tab.equals(t) ? "page" : null;
    }
  }

  record ListTab(Settings settings, List<WebhookLists.Row> rows) {}

  record SecurityTab(Settings settings, List<SecurityGuide.Snippet> snippets,
      SecurityGuide.Example example) {}

  record SamplesTab(Settings settings, List<PayloadSamples.Group> groups) {}

  @Override
  public void register(Router router) {
    var routes = router.raw();
    routes.get(BASE, gate.page((ctx, s) -> gate.templates().send(ctx, 200,
        "console/webhooks_registered.jte",
        new ListTab(settings(s, "Webhooks", "registered"), webhooks.registered(s.principal())))));
    routes.get(BASE + "/deleted", gate.page((ctx, s) -> gate.templates().send(ctx, 200,
        "console/webhooks_deleted.jte",
        new ListTab(settings(s, "Deleted webhooks", "deleted"), webhooks.deleted(s.principal())))));
    routes.get(BASE + "/security", gate.page((ctx, s) -> gate.templates().send(ctx, 200,
        "console/webhooks_security.jte",
        new SecurityTab(settings(s, "Webhook security", "security"), security.snippets(),
            SecurityGuide.EXAMPLE))));
    routes.get(BASE + "/samples", gate.page((ctx, s) -> gate.templates().send(ctx, 200,
        "console/webhooks_samples.jte",
        new SamplesTab(settings(s, "Payload samples", "samples"), samples.groups()))));
    routes.post(BASE + "/switch", gate.form((ctx, s) -> {
      webhooks.setDeliveriesEnabled(s.principal(), "on".equals(ctx.formParam("enabled")));
      ctx.redirect(BASE, HttpStatus.SEE_OTHER);
    }));
  }

  private Settings settings(ConsoleSession s, String title, String tab) {
    return new Settings(s.chrome(title, "webhooks"), tab, webhooks.deliveriesEnabled(s.workspaceId()));
  }
}
