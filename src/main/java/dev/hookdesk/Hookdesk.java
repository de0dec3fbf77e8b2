package dev.hookdesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.config.ConfigException;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.console.Console;
import dev.hookdesk.console.WebhookView;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.delivery.DeliveryEngine;
import dev.hookdesk.delivery.DeliveryRoutes;
import dev.hookdesk.delivery.DeliveryService;
import dev.hookdesk.delivery.DeliverySettings;
import dev.hookdesk.desk.agents.AgentRoutes;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.ChatRoutes;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.desk.chats.routing.LeastBusyRouter;
import dev.hookdesk.desk.contacts.ContactRoutes;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.sources.SourceRoutes;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.desk.queues.QueueRoutes;
import dev.hookdesk.desk.queues.QueueService;
import dev.hookdesk.desk.teams.TeamRoutes;
import dev.hookdesk.desk.teams.TeamService;
import dev.hookdesk.desk.tickets.TicketActions;
import dev.hookdesk.desk.tickets.TicketRoutes;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.events.EventRoutes;
import dev.hookdesk.events.catalog.CatalogRoutes;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.HttpServer;
import dev.hookdesk.http.Routes;
import dev.hookdesk.inspector.InspectorRoutes;
import dev.hookdesk.inspector.WebhookKeys;
import dev.hookdesk.ops.OpsRoutes;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.RedactingRenderer;
import dev.hookdesk.webhooks.SecretBox;
import dev.hookdesk.webhooks.WebhookRegistry;
import dev.hookdesk.webhooks.WebhookRoutes;
import dev.hookdesk.webhooks.WebhookSettings;
import dev.hookdesk.webhooks.WebhookTester;
import dev.hookdesk.webhooks.send.EgressGuard;
import dev.hookdesk.webhooks.send.JettyWebhookSender;
import dev.hookdesk.workspaces.TokenService;
import dev.hookdesk.workspaces.WorkspaceRoutes;
import dev.hookdesk.workspaces.WorkspaceService;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One Hookdesk node: everything wired by plain constructors, in one place. */
public final class Hookdesk implements AutoCloseable {
  private final HookdeskConfig config;
  private final Database database;
  private final HttpServer http;
  private final WorkspaceService.Bootstrap bootstrap;
  private final EventCatalog catalog;
  private final List<AutoCloseable> closeables = new ArrayList<>();

  private Hookdesk(HookdeskConfig config, Clock clock) {
    this.config = config;
    prepareDataDir(config.dataDir());
    ObjectMapper mapper = Json.newMapper();
    Ids ids = new Ids(clock);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);

    this.database = Database.open(config.jdbcUrl(), config.databaseUser(),
        config.databasePassword(), 16);
    closeables.add(database);
    database.migrate();
    var jdbi = database.jdbi();

    this.catalog = new EventCatalog(mapper);
    EventLog events = new EventLog(jdbi, mapper, ids, clock, catalog);
    TokenService tokens = new TokenService(jdbi, ids, clock);
    WorkspaceService workspaces = new WorkspaceService(jdbi, ids, clock, tokens);
    AgentService agents = new AgentService(jdbi, ids, clock);
    ContactService contacts = new ContactService(jdbi, ids, clock, events, mapper);
    SourceService sources = new SourceService(jdbi, clock);
    TeamService teams = new TeamService(jdbi, ids, clock, agents);
    QueueService queues = new QueueService(jdbi, ids, clock);
    TicketService tickets = new TicketService(jdbi, ids, clock, events, mapper, contacts, agents, queues);
    TicketActions ticketActions = new TicketActions(jdbi, clock, events, mapper, agents, teams, queues);
    ChatService chats = new ChatService(jdbi, ids, clock, events, mapper, agents, contacts, sources,
        new LeastBusyRouter(agents));

    EgressGuard egress = new EgressGuard(config.allowedNetworks());
    JettyWebhookSender sender = webhookSender(config, egress);
    closeables.add(sender);
    WebhookRegistry webhooks = new WebhookRegistry(jdbi, ids, clock, catalog, sources, events,
        mapper, SecretBox.open(config.secretKey(), config.dataDir()));
    RedactingRenderer payloads = new RedactingRenderer(catalog, mapper);
    WebhookTester webhookTester = new WebhookTester(catalog, payloads, webhooks, sender, ids, clock);

    DeliveryEngine delivery = new DeliveryEngine(database, events, webhooks, payloads, sender, ids,
        mapper, clock, metrics, DeliverySettings.defaults(config.attemptRetention()).withLease(config.deliveryLease()));
    closeables.add(delivery);
    DeliveryService deliveries = new DeliveryService(database, webhooks, mapper, clock, delivery::wake);

    this.bootstrap = workspaces.bootstrap(config.adminToken());

    // TODO(lead): pass the registry's WebhookView and WebhookKeys once webhooks is merged.
    Console console = new Console(jdbi, ids, clock, tokens, catalog, mapper, WebhookView.UNWIRED);

    List<Routes> routes = new ArrayList<>(List.of(
        new OpsRoutes(metrics),
        new WorkspaceRoutes(workspaces, tokens),
        new EventRoutes(events, catalog),
        new CatalogRoutes(catalog),
        new AgentRoutes(agents),
        new ContactRoutes(contacts),
        new SourceRoutes(sources),
        new TeamRoutes(teams),
        new QueueRoutes(queues),
        new TicketRoutes(tickets, ticketActions),
        new ChatRoutes(chats),
        new WebhookRoutes(webhooks, webhookTester, catalog, egress, mapper),
        new WebhookSettings(jdbi),
        new DeliveryRoutes(deliveries)));
    routes.addAll(console.routes());
    routes.add(new InspectorRoutes(jdbi, ids, clock, mapper, console.gate(), WebhookKeys.NONE));
    this.http = new HttpServer(mapper, tokens, routes);
  }

  /** Builds and starts a node; configuration and database problems throw with one clear line. */
  public static Hookdesk start(HookdeskConfig config, Clock clock) {
    Hookdesk node = new Hookdesk(config, clock);
    try {
      node.http.start(config.port());
    } catch (RuntimeException e) {
      node.close();
      throw new ConfigException(HookdeskConfig.PORT,
          "cannot listen on port " + config.port() + " (" + e.getMessage() + ")");
    }
    return node;
  }

  public int port() {
    return http.port();
  }

  public Database database() {
    return database;
  }

  public String defaultWorkspaceId() {
    return bootstrap.workspaceId();
  }

  /** The owner token generated on the very first start, if this start generated one. */
  public Optional<String> generatedAdminToken() {
    return bootstrap.generatedToken();
  }

  public EventCatalog catalog() {
    return catalog;
  }

  public HookdeskConfig config() {
    return config;
  }

  @Override
  public void close() {
    if (http != null) http.stop();
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception ignored) {
        // closing the rest matters more than one failure here
      }
    }
  }

  private static JettyWebhookSender webhookSender(HookdeskConfig config, EgressGuard egress) {
    try {
      return new JettyWebhookSender(egress, config.trustedCerts(), Duration.ofSeconds(10), 64);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(HookdeskConfig.TRUSTED_CERTS, e.getMessage());
    }
  }

  private static void prepareDataDir(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", "");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new ConfigException(HookdeskConfig.DATA_DIR, "cannot write to " + dir
          + "; choose a writable directory (" + e.getClass().getSimpleName() + ")");
    }
  }
}
