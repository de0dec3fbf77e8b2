package dev.hookdesk.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.apps.WorkspaceApps;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.Routes;
import dev.hookdesk.store.Database;
import dev.hookdesk.workspaces.TokenService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The console's parts: its gate, made first (the pages of other features use it, and people's
 * invitations end sessions through it), then its routes.
 */
public final class Console implements AutoCloseable {
  private final Clock clock;
  private final TokenService tokens;
  private final SessionEnds ends;
  private final ConsoleGate gate;

  /** {@code background} is the pool whose LISTEN connection hears sessions end on other nodes. */
  public Console(Database db, Database background, Ids ids, Clock clock, TokenService tokens,
      AgentService agents) {
    this.clock = Objects.requireNonNull(clock);
    this.tokens = Objects.requireNonNull(tokens);
    this.ends = new SessionEnds(db.dialect(), background);
    this.gate = new ConsoleGate(new ConsoleSessions(db.jdbi(), ids, clock, tokens, agents, ends), ends,
        new Templates());
  }

  public ConsoleGate gate() {
    return gate;
  }

  /** Sign-in, Settings → Webhooks with each webhook's and delivery's pages, Apps and Agents. */
  public List<Routes> routes(EventCatalog catalog, ObjectMapper mapper, WebhookServices webhooks,
      WorkspaceApps apps, AgentServices agents) {
    return List.of(
        new Assets(),
        new SignInRoutes(gate, tokens),
        new WebhookSettingsRoutes(gate, new WebhookLists(webhooks), new SecurityGuide(),
            new PayloadSamples(catalog, mapper)),
        new WebhookFormRoutes(gate, webhooks.management(), webhooks.registry(),
            new EventChoices(catalog), mapper),
        new WebhookPageRoutes(gate, webhooks, catalog, mapper, clock),
        new DeliveryPageRoutes(gate, webhooks.deliveries()),
        new AppSettingsRoutes(gate, apps, webhooks.deliveries(), agents.agents()),
        new AgentSettingsRoutes(gate, agents, clock));
  }

  @Override
  public void close() throws Exception {
    ends.close();
  }
}
