package dev.hookdesk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.apps.WorkspaceApps;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.Routes;
import dev.hookdesk.workspaces.TokenService;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The console's parts, built once: its gate (which other features' pages use) and its routes. */
public final class Console {
  private final ConsoleGate gate;
  private final List<Routes> routes;

  public Console(Jdbi jdbi, Ids ids, Clock clock, TokenService tokens, AgentService agents,
      EventCatalog catalog, ObjectMapper mapper, WebhookServices webhooks, WorkspaceApps apps) {
    ConsoleSessions sessions = new ConsoleSessions(jdbi, ids, clock, tokens, agents);
    this.gate = new ConsoleGate(sessions, new Templates());
    this.routes = List.of(
        new Assets(),
        new SignInRoutes(gate, tokens),
        new WebhookSettingsRoutes(gate, new WebhookLists(webhooks), new SecurityGuide(),
            new PayloadSamples(catalog, mapper)),
        new WebhookFormRoutes(gate, webhooks.management(), webhooks.registry(),
            new EventChoices(catalog), mapper),
        new WebhookPageRoutes(gate, webhooks, catalog, mapper, clock),
        new DeliveryPageRoutes(gate, webhooks.deliveries()),
        new AppSettingsRoutes(gate, apps, webhooks.deliveries(), agents));
  }

  public ConsoleGate gate() {
    return gate;
  }

  public List<Routes> routes() {
    return routes;
  }
}
