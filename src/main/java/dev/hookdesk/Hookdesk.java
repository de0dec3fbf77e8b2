package dev.hookdesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.apps.AppBotTargets;
import dev.hookdesk.apps.AppListeners;
import dev.hookdesk.apps.AppRoutes;
import dev.hookdesk.apps.AppWebhookRoutes;
import dev.hookdesk.apps.Apps;
import dev.hookdesk.apps.AuthorizeRoutes;
import dev.hookdesk.apps.Grants;
import dev.hookdesk.apps.Installations;
import dev.hookdesk.apps.TokenRoutes;
import dev.hookdesk.apps.WorkspaceApps;
import dev.hookdesk.config.ConfigException;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.console.AgentServices;
import dev.hookdesk.console.Console;
import dev.hookdesk.console.WebhookServices;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.delivery.DeliveryEngine;
import dev.hookdesk.docs.ApiDocs;
import dev.hookdesk.delivery.DeliveryRoutes;
import dev.hookdesk.delivery.DeliveryService;
import dev.hookdesk.delivery.DeliverySettings;
import dev.hookdesk.delivery.DeliveryStats;
import dev.hookdesk.desk.agents.AgentManagement;
import dev.hookdesk.desk.agents.AgentRoutes;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.chats.ChatRoutes;
import dev.hookdesk.desk.chats.ChatActions;
import dev.hookdesk.desk.chats.ChatEnding;
import dev.hookdesk.desk.chats.ChatLists;
import dev.hookdesk.desk.chats.ChatParticipants;
import dev.hookdesk.desk.chats.ChatParts;
import dev.hookdesk.desk.chats.ChatService;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.chats.routing.LeastBusyRouter;
import dev.hookdesk.bots.BotAudience;
import dev.hookdesk.bots.BotReceivers;
import dev.hookdesk.bots.BotFirstRouter;
import dev.hookdesk.bots.BotRoutes;
import dev.hookdesk.bots.BotSettings;
import dev.hookdesk.decisions.DecisionRouter;
import dev.hookdesk.decisions.DecisionSchemaRoutes;
import dev.hookdesk.decisions.ResponseSchemas;
import dev.hookdesk.delivery.BotCalls;
import dev.hookdesk.delivery.DirectDeliveries;
import dev.hookdesk.desk.contacts.ContactRoutes;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.sources.Origins;
import dev.hookdesk.desk.sources.SourceIdentity;
import dev.hookdesk.desk.sources.SourceRoutes;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.desk.queues.QueueRoutes;
import dev.hookdesk.desk.queues.QueueService;
import dev.hookdesk.desk.teams.TeamRoutes;
import dev.hookdesk.desk.teams.TeamService;
import dev.hookdesk.desk.tickets.TicketActions;
import dev.hookdesk.desk.tickets.TicketRoutes;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.desk.tickets.TicketViews;
import dev.hookdesk.desk.web.ContactPages;
import dev.hookdesk.desk.web.Desk;
import dev.hookdesk.desk.web.SignInPages;
import dev.hookdesk.desk.web.chats.ChatPages;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.events.EventRoutes;
import dev.hookdesk.events.catalog.CatalogRoutes;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.HttpServer;
import dev.hookdesk.http.Route;
import dev.hookdesk.http.Routes;
import dev.hookdesk.inspector.InspectorRoutes;
import dev.hookdesk.live.LiveEvents;
import dev.hookdesk.inspector.InspectorTarget;
import dev.hookdesk.ops.OpsRoutes;
import dev.hookdesk.people.InvitationRoutes;
import dev.hookdesk.people.People;
import dev.hookdesk.store.Database;
import dev.hookdesk.store.Dialect;
import dev.hookdesk.store.Pool;
import dev.hookdesk.store.Substrings;
import dev.hookdesk.webhooks.RedactingRenderer;
import dev.hookdesk.webhooks.SecretBox;
import dev.hookdesk.webhooks.WebhookManagement;
import dev.hookdesk.webhooks.WebhookRegistry;
import dev.hookdesk.webhooks.WebhookRoutes;
import dev.hookdesk.webhooks.WebhookSettings;
import dev.hookdesk.webhooks.WebhookTester;
import dev.hookdesk.webhooks.send.EgressGuard;
import dev.hookdesk.webhooks.send.JettyWebhookSender;
import dev.hookdesk.workspaces.TokenService;
import dev.hookdesk.workspaces.WorkspaceRoutes;
import dev.hookdesk.widget.WidgetAssets;
import dev.hookdesk.widget.WidgetParts;
import dev.hookdesk.widget.WidgetRoutes;
import dev.hookdesk.workspaces.WorkspaceService;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One Hookdesk node: everything wired by plain constructors, in one place. */
public final class Hookdesk implements AutoCloseable {
  /**
   * How long a request waits for a database connection before it is answered 503 with
   * {@code Retry-After: 1}. A connection is held for milliseconds, so a second's wait means
   * hundreds of requests queued ahead: the node is past what it can serve, and a request that
   * waited longer than its client would wait to retry only adds to the queue. A second still
   * rides out a checkpoint stall or a GC pause without refusing anyone.
   */
  static final Duration REQUEST_WAIT = Duration.ofSeconds(1);

  private final HookdeskConfig config;
  private final Database database;
  private final HttpServer http;
  private final WorkspaceService.Bootstrap bootstrap;
  private final EventCatalog catalog;
  private final EventLog events;
  private final ApiDocs apiDocs;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private volatile int listeningPort = -1;

  private Hookdesk(HookdeskConfig config, Clock clock) {
    this.config = config;
    prepareDataDir(config.dataDir());
    ObjectMapper mapper = Json.newMapper();
    Ids ids = new Ids(clock);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);

    this.database = Database.open(config.jdbcUrl(), config.databaseUser(),
        config.databasePassword(), new Pool("hookdesk", config.databasePoolSize(), REQUEST_WAIT),
        Optional.of(config.nodeTimeout()));
    closeables.add(database);
    Database background = database.openPool(backgroundPool(database.dialect()));
    database.migrate();
    DataDir.tighten(config.dataDir()); // H2 made its files with the default umask
    var jdbi = database.jdbi();

    this.catalog = new EventCatalog(mapper);
    this.events = new EventLog(jdbi, background.jdbi(), database.dialect(), mapper, ids, clock, catalog);
    closeables.add(events);
    TokenService tokens = new TokenService(jdbi, ids, clock);
    Apps apps = new Apps(jdbi, ids, clock, mapper);
    Installations installations = new Installations(jdbi, ids, clock, events, mapper, apps);
    Grants grants = new Grants(jdbi, ids, clock, mapper, installations);
    WorkspaceService workspaces = new WorkspaceService(jdbi, ids, clock, tokens);
    AgentService agents = new AgentService(jdbi, ids, clock);
    Substrings substrings = new Substrings(database.dialect());
    ContactService contacts = new ContactService(jdbi, ids, clock, events, mapper, substrings);
    SourceService sources = new SourceService(jdbi, clock);
    SecretBox secrets = SecretBox.open(config.secretKey(), config.dataDir());
    SourceIdentity sourceIdentity = new SourceIdentity(jdbi, sources, secrets, ids, clock);
    TeamService teams = new TeamService(jdbi, ids, clock, agents);
    QueueService queues = new QueueService(jdbi, ids, clock);
    TicketService tickets = new TicketService(jdbi, ids, clock, events, mapper, contacts, agents, queues);
    TicketActions ticketActions = new TicketActions(jdbi, clock, events, mapper, contacts, agents,
        teams, queues);
    EgressGuard egress = new EgressGuard(config.allowedNetworks(), this::isOwnCapture);
    AgentManagement agentManagement = new AgentManagement(agents, egress);
    JettyWebhookSender sender = webhookSender(config, egress);
    closeables.add(sender);
    AppListeners appListeners = new AppListeners(installations, background, clock, agents::botsOfApp);
    closeables.add(appListeners);
    agents.onCreated((h, workspaceId, agent) -> {
      if (agent.appId() != null) appListeners.botsChanged(h, workspaceId);
    });
    WebhookRegistry webhooks = new WebhookRegistry(jdbi, ids, clock, catalog, sources, events,
        mapper, secrets, appListeners);
    RedactingRenderer payloads = new RedactingRenderer(catalog, mapper);
    WebhookTester webhookTester = new WebhookTester(catalog, payloads, webhooks, sender, ids, clock);

    ResponseSchemas responseSchemas = new ResponseSchemas(mapper);
    BotSettings bots = new BotSettings(jdbi, agents, sources, secrets, ids, mapper);
    ChatRouter builtIn = new BotFirstRouter(new LeastBusyRouter(agents), agents, bots);
    ChatRouter router = new DecisionRouter(builtIn, webhooks, agents, jdbi,
        events, payloads, sender, new DirectDeliveries(database, webhooks, ids, mapper), responseSchemas,
        metrics, DecisionRouter.Health.DEFAULT, ids, mapper, clock);
    ChatParts chatParts = new ChatParts(jdbi, ids, clock, events, mapper, agents, contacts, router);
    ChatService chats = new ChatService(chatParts, sources);
    ChatParticipants chatParticipants = new ChatParticipants(chatParts);
    ChatActions chatActions = new ChatActions(chatParts);
    ChatEnding chatEnding = new ChatEnding(chatParts);
    BotCalls botCalls = new BotCalls(database, ids, mapper, clock);
    WebhookSettings webhookSettings = new WebhookSettings(workspaces);
    WebhookManagement webhookManagement = new WebhookManagement(webhooks, webhookTester, catalog,
        egress, mapper);
    // SPEC §8: the bots an app created are called at the app's bot webhook
    AppBotTargets appBots = new AppBotTargets(installations, webhooks, payloads);
    new BotAudience(chats, agents, botCalls, appBots);

    // Webhook deliveries and bot calls: one engine, one sender, one attempt log.
    DeliveryEngine delivery = new DeliveryEngine(background, events, webhooks, payloads, sender, ids,
        mapper, clock, new SecureRandom(), metrics, DeliverySettings.defaults(config.attemptRetention())
            .withLease(config.deliveryLease()).withNodeTimeout(config.nodeTimeout()),
        botCalls, new BotReceivers(chatParticipants, agents, bots, responseSchemas, mapper, appBots));
    closeables.add(delivery);
    DeliveryService deliveries = new DeliveryService(database, webhooks, mapper, clock, delivery::wake);
    LiveEvents live = new LiveEvents(events, background, Duration.ofSeconds(5));
    closeables.add(live);

    this.bootstrap = workspaces.bootstrap(config.adminToken());

    // SPEC §8: uninstalling an app, or switching its webhooks off, stops what is queued for it there
    installations.onUninstall((h, appId, workspaceId) -> deliveries.cancelQueued(h, workspaceId,
        webhooks.idsOfApp(h, appId),
        "cancelled: the app was uninstalled or its webhooks were turned off in this workspace"));
    Console console = new Console(database, background, ids, clock, tokens, agents);
    closeables.add(console);
    People people = new People(jdbi, ids, clock, agents, console.gate()::endSessions);
    agents.onDeactivated((h, workspaceId, agentId) -> {
      console.gate().endSessions(h, agentId);
      tokens.revokeAgent(h, workspaceId, agentId);
    });

    List<Routes> routes = new ArrayList<>(List.of(
        new OpsRoutes(metrics, background),
        new WorkspaceRoutes(workspaces, tokens, agents),
        new EventRoutes(events, catalog),
        new CatalogRoutes(catalog),
        new AgentRoutes(agents, agentManagement),
        new InvitationRoutes(people, this::publicUrl),
        new ContactRoutes(contacts),
        new SourceRoutes(sources, sourceIdentity),
        new TeamRoutes(teams),
        new QueueRoutes(queues),
        new TicketRoutes(tickets, ticketActions),
        new ChatRoutes(chats, chatParticipants, chatActions, chatEnding),
        new DecisionSchemaRoutes(responseSchemas),
        new BotRoutes(bots, botCalls),
        new WebhookRoutes(webhookManagement, webhooks),
        new AppRoutes(apps, installations, grants),
        new AppWebhookRoutes(apps, installations, webhookManagement, webhooks),
        new TokenRoutes(apps, grants, this::publicUrl),
        webhookSettings,
        new DeliveryRoutes(deliveries),
        new WidgetRoutes(new WidgetParts(jdbi, ids, clock, mapper, chats, chatActions, chatEnding, contacts, sources,
            sourceIdentity, live, () -> Origins.ofUrl(publicUrl().toString()).orElse(""))),
        new WidgetAssets(this::defaultWorkspaceId)));
    routes.addAll(console.routes(catalog, mapper,
        new WebhookServices(webhookManagement, webhooks, workspaces, deliveries,
            new DeliveryStats(database, clock)),
        new WorkspaceApps(apps, installations, grants, webhooks),
        new AgentServices(agents, agentManagement, people, this::publicUrl)));
    routes.add(new SignInPages(console.gate(), people));
    routes.add(new AuthorizeRoutes(console.gate(), apps, grants));
    routes.addAll(Desk.routes(console.gate(), new Desk.Services(tickets, ticketActions,
        new TicketViews(jdbi, mapper, contacts, substrings), agents, teams, queues, contacts, live)));
    routes.add(new ChatPages(console.gate(), chats, chatParticipants, chatEnding,
        new ChatLists(chatParts), agents, live, mapper));
    routes.add(new ContactPages(console.gate(), contacts, tickets, mapper));
    routes.add(new InspectorRoutes(jdbi, ids, clock, mapper, console.gate(),
        (workspaceId, path) -> webhooks.signingSecretsOfPath(workspaceId, path, clock.instant()),
        this::publicUrl));
    this.apiDocs = new ApiDocs(mapper, catalog);
    routes.add(apiDocs);
    // API tokens, and the access tokens of app installations (SPEC §8)
    this.http = new HttpServer(mapper, token -> tokens.authenticate(token).or(() -> grants.authenticate(token)),
        apps::client, events::admit, routes);
  }

  /** Builds and starts a node; configuration and database problems throw with one clear line. */
  public static Hookdesk start(HookdeskConfig config, Clock clock) {
    Hookdesk node = new Hookdesk(config, clock);
    try {
      node.http.start(config.port());
      node.listeningPort = node.http.port();
    } catch (RuntimeException e) {
      node.close();
      throw new ConfigException(HookdeskConfig.PORT,
          "cannot listen on port " + config.port() + " (" + e.getMessage() + ")");
    }
    return node;
  }

  public int port() {
    return listeningPort;
  }

  /**
   * Whether a URL is one of this node's own inspector bins, which webhooks reach without
   * opening the guard. Reads the port remembered at start: the server cannot be asked before
   * it listens (a restarted node sends leftover work at once) nor once it is stopping.
   */
  private boolean isOwnCapture(URI url) {
    int port = listeningPort;
    return port > 0 && InspectorTarget.isOwnCapture(url, port);
  }

  /**
   * Where people, visitors and apps reach this node: {@code HOOKDESK_PUBLIC_URL}, else
   * {@code http://localhost:<listening port>}. Links the node hands out are built from it.
   */
  public PublicUrl publicUrl() {
    return config.publicUrl().orElseGet(() -> PublicUrl.localhost(listeningPort));
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

  /** The routes registered under {@code /api/v1}: what the API description must cover. */
  public List<Route> apiRoutes() {
    return http.routes();
  }

  public ApiDocs apiDocs() {
    return apiDocs;
  }

  public EventCatalog catalog() {
    return catalog;
  }

  /** The event log every service of this node appends to. */
  public EventLog events() {
    return events;
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

  /**
   * The pool of the work that must go on whatever requests hold: a connection for each engine
   * thread that uses the database (fan-out, dispatch, results, heartbeats, upkeep), one for the
   * health probe (one probe at a time), {@link LiveEvents#READERS} for live streams, and on
   * PostgreSQL the LISTEN connection and the NOTIFY sender. None of these waits for another.
   */
  static Pool backgroundPool(Dialect dialect) {
    int size = DeliveryEngine.CONNECTIONS + 1 + LiveEvents.READERS + (dialect.supportsNotify() ? 2 : 0);
    return new Pool("hookdesk-background", size, Pool.PATIENT);
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
      DataDir.createPrivate(dir);
      Path probe = Files.createTempFile(dir, ".write-check", "");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new ConfigException(HookdeskConfig.DATA_DIR, "cannot write to " + dir
          + "; choose a writable directory (" + e.getClass().getSimpleName() + ")");
    }
  }
}
