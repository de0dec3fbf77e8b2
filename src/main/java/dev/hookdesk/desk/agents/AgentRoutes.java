package dev.hookdesk.desk.agents;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.hookdesk.core.DomainException.Forbidden;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Role;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.webhooks.send.EgressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /agents}: create and list agents, change their status and capacity. A bot's
 * {@code webhook_url} receives chat content, so only admins set it (or turn an agent into a
 * bot), and only admins read it; it passes the same egress check as a webhook's URL. Who a
 * person is and may do — {@code email}, {@code role}, {@code active} — is also changed by admins
 * only; deactivating ({@code active: false}) ends the agent's sessions and revokes their tokens.
 * An app's installation token creates bot agents of its own (SPEC §8), called at the app's bot
 * webhook, and changes only those, and only their name, status and capacity.
 */
public final class AgentRoutes implements Routes {
  private final AgentService agents;
  private final EgressGuard egress;

  public AgentRoutes(AgentService agents, EgressGuard egress) {
    this.agents = Objects.requireNonNull(agents);
    this.egress = Objects.requireNonNull(egress);
  }

  @Override
  public void register(Router r) {
    r.post("/agents", Access.AGENTS, this::create);
    r.get("/agents", Access.DESK, this::list);
    r.get("/agents/{id}", Access.DESK, c -> c.ok(shown(c, agents.get(c.workspaceId(), c.path("id")))));
    r.patch("/agents/{id}", Access.DESK, this::update);
  }

  private void create(Call c) {
    Optional<String> app = appOf(c);
    JsonBody b = app.isPresent() ? c.body().allow("name", "kind", "status", "max_chats")
        : c.body().allow("name", "email", "kind", "status", "max_chats", "webhook_url", "role");
    String name = b.string("name", 200);
    Optional<String> email = b.optString("email", 320);
    email.ifPresent(e -> checkEmail(b, e));
    String kind = b.optOneOf("kind", AgentService.KINDS).orElse("human");
    String status = b.optOneOf("status", AgentService.STATUSES).orElse("offline");
    int max = b.optInt("max_chats", 0, 100).orElse(3);
    String role = b.optOneOf("role", AgentService.ROLES).orElse("agent");
    Optional<String> url = b.optString("webhook_url", 2048);
    url.ifPresent(u -> checkUrl(b, u));
    if (url.isPresent() && !kind.equals("bot")) b.error("webhook_url", "only bot agents have a webhook_url");
    if (app.isPresent() && !kind.equals("bot")) {
      b.error("kind", "an app creates bot agents only (kind: bot); they are called at the app's bot webhook");
    }
    b.done();
    c.created(shown(c, agents.create(c.workspaceId(), new AgentService.NewAgent(name,
        email.orElse(null), kind, status, max, url.orElse(null), role, app.orElse(null)))));
  }

  /** The app of an installation token, which manages its own bots only. */
  private static Optional<String> appOf(Call c) {
    if (c.principal().role() != Role.APP) return Optional.empty();
    return Optional.of(c.principal().appId().orElseThrow(() -> new Forbidden(
        "Only an app's installation token creates bot agents; this app token belongs to no app")));
  }

  private void list(Call c) {
    Page.Result<Agent> page = agents.list(c.workspaceId(), c.page());
    c.ok(new Page.Result<>(page.data().stream().map(a -> shown(c, a)).toList(), page.nextCursor()));
  }

  /** The agent as this caller may see it: with a bot's {@code webhook_url} for admins only. */
  private static Object shown(Call c, Agent a) {
    return c.principal().role() == Role.ADMIN ? new WithWebhookUrl(a, a.webhookUrl()) : a;
  }

  /** An agent and its {@code webhook_url}, which {@link Agent} leaves out of its JSON. */
  record WithWebhookUrl(@JsonUnwrapped Agent agent, String webhookUrl) {}

  private void update(Call c) {
    // a hand-made app token (no installation) changes agents as it always did
    Optional<String> app = c.principal().role() == Role.APP ? c.principal().appId() : Optional.empty();
    if (app.isPresent() && !agents.get(c.workspaceId(), c.path("id")).isBotOf(app.get())) {
      throw new NotFound("Agent", c.path("id"));
    }
    JsonBody b = app.isPresent() ? c.body().allow("name", "status", "max_chats")
        : c.body().allow("name", "status", "max_chats", "kind", "webhook_url", "email", "role", "active");
    if ((b.has("kind") || b.has("webhook_url")) && c.principal().role() != Role.ADMIN) {
      throw new Forbidden("Changing an agent's kind or webhook_url needs an admin token: "
          + "a bot's webhook_url receives the content of its chats");
    }
    if ((b.has("email") || b.has("role") || b.has("active")) && c.principal().role() != Role.ADMIN) {
      throw new Forbidden("Changing an agent's email, role or active needs an admin: they decide "
          + "who signs in and what they may do");
    }
    var changes = new AgentService.AgentChanges(b.optString("name", 200),
        b.optOneOf("status", AgentService.STATUSES), b.optInt("max_chats", 0, 100),
        b.optOneOf("kind", AgentService.KINDS), b.optString("webhook_url", 2048),
        b.optString("email", 320), b.optOneOf("role", AgentService.ROLES), b.optBoolean("active"));
    changes.webhookUrl().ifPresent(u -> checkUrl(b, u));
    changes.email().ifPresent(e -> checkEmail(b, e));
    if (!changes.active().orElse(true) && c.principal().agentId().equals(Optional.of(c.path("id")))) {
      b.error("active", "you cannot deactivate yourself; ask another admin");
    }
    b.done();
    c.ok(shown(c, agents.update(c.workspaceId(), c.path("id"), changes)));
  }

  static void checkEmail(JsonBody b, String email) {
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) b.error("email", "'" + email + "' is not an email address");
  }

  private void checkUrl(JsonBody b, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      b.error("webhook_url", "is not a valid URL: " + e.getReason());
      return;
    }
    if (!url.matches("https?://[^\\s/]+.*") || uri.getHost() == null) {
      b.error("webhook_url", "must be an absolute http(s) URL");
      return;
    }
    try {
      egress.checkUrl(uri);
    } catch (EgressGuard.Refused e) {
      b.error("webhook_url", "cannot be reached: " + e.getMessage());
    }
  }
}
