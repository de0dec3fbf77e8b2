package dev.hookdesk.desk.agents;

import dev.hookdesk.core.DomainException.Forbidden;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import dev.hookdesk.webhooks.send.EgressGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Creating and changing agents from a caller's input, for every door: the API's {@code /agents}
 * and the console's Settings → Agents both come through here, so one reader checks an agent and
 * both refuse the same input with the same field errors. A bot's {@code webhook_url} receives
 * chat content, so only admins set it (or turn an agent into a bot); it passes the same egress
 * check as a webhook's URL. Who a person is and may do — {@code email}, {@code role},
 * {@code active} — is also changed by admins only. An app's installation token creates bot
 * agents of its own (SPEC §8) and changes only those, and only their name, status and capacity.
 */
public final class AgentManagement {
  private final AgentService agents;
  private final EgressGuard egress;

  public AgentManagement(AgentService agents, EgressGuard egress) {
    this.agents = Objects.requireNonNull(agents);
    this.egress = Objects.requireNonNull(egress);
  }

  /** {@code POST /agents}: throws {@code Invalid} naming every bad field, writing nothing. */
  public Agent create(Principal caller, JsonBody body) {
    Optional<String> app = appOf(caller);
    JsonBody b = app.isPresent() ? body.allow("name", "kind", "status", "max_chats")
        : body.allow("name", "email", "kind", "status", "max_chats", "webhook_url", "role");
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
    return agents.create(caller.workspaceId(), new AgentService.NewAgent(name,
        email.orElse(null), kind, status, max, url.orElse(null), role, app.orElse(null)));
  }

  /**
   * {@code PATCH /agents/{id}}: the given fields changed. Deactivating ({@code active: false})
   * ends the agent's sessions and revokes their tokens; nobody deactivates themself, and the
   * workspace's last active admin stays one ({@link AgentService#update}).
   */
  public Agent update(Principal caller, String id, JsonBody body) {
    // a hand-made app token (no installation) changes agents as it always did
    Optional<String> app = caller.role() == Role.APP ? caller.appId() : Optional.empty();
    if (app.isPresent() && !agents.get(caller.workspaceId(), id).isBotOf(app.get())) {
      throw new NotFound("Agent", id);
    }
    JsonBody b = app.isPresent() ? body.allow("name", "status", "max_chats")
        : body.allow("name", "status", "max_chats", "kind", "webhook_url", "email", "role", "active");
    if ((b.has("kind") || b.has("webhook_url")) && caller.role() != Role.ADMIN) {
      throw new Forbidden("Changing an agent's kind or webhook_url needs an admin token: "
          + "a bot's webhook_url receives the content of its chats");
    }
    if ((b.has("email") || b.has("role") || b.has("active")) && caller.role() != Role.ADMIN) {
      throw new Forbidden("Changing an agent's email, role or active needs an admin: they decide "
          + "who signs in and what they may do");
    }
    var changes = new AgentService.AgentChanges(b.optString("name", 200),
        b.optOneOf("status", AgentService.STATUSES), b.optInt("max_chats", 0, 100),
        b.optOneOf("kind", AgentService.KINDS), b.optString("webhook_url", 2048),
        b.optString("email", 320), b.optOneOf("role", AgentService.ROLES), b.optBoolean("active"));
    changes.webhookUrl().ifPresent(u -> checkUrl(b, u));
    changes.email().ifPresent(e -> checkEmail(b, e));
    if (!changes.active().orElse(true) && caller.agentId().equals(Optional.of(id))) {
      b.error("active", "you cannot deactivate yourself; ask another admin");
    }
    b.done();
    return agents.update(caller.workspaceId(), id, changes);
  }

  /** The app of an installation token, which manages its own bots only. */
  private static Optional<String> appOf(Principal caller) {
    if (caller.role() != Role.APP) return Optional.empty();
    return Optional.of(caller.appId().orElseThrow(() -> new Forbidden(
        "Only an app's installation token creates bot agents; this app token belongs to no app")));
  }

  private static void checkEmail(JsonBody b, String email) {
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
