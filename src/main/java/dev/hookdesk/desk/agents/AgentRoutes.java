package dev.hookdesk.desk.agents;

import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import java.util.Objects;
import java.util.Optional;

/** {@code /agents}: create and list agents, change their status and capacity. */
public final class AgentRoutes implements Routes {
  private final AgentService agents;

  public AgentRoutes(AgentService agents) {
    this.agents = Objects.requireNonNull(agents);
  }

  @Override
  public void register(Router r) {
    r.post("/agents", Access.ADMIN, this::create);
    r.get("/agents", Access.DESK, c -> c.ok(agents.list(c.workspaceId(), c.page())));
    r.get("/agents/{id}", Access.DESK, c -> c.ok(agents.get(c.workspaceId(), c.path("id"))));
    r.patch("/agents/{id}", Access.DESK, this::update);
  }

  private void create(Call c) {
    JsonBody b = c.body().allow("name", "email", "kind", "status", "max_chats", "webhook_url");
    String name = b.string("name", 200);
    Optional<String> email = b.optString("email", 320);
    email.ifPresent(e -> checkEmail(b, e));
    String kind = b.optOneOf("kind", AgentService.KINDS).orElse("human");
    String status = b.optOneOf("status", AgentService.STATUSES).orElse("offline");
    int max = b.optInt("max_chats", 0, 100).orElse(3);
    Optional<String> url = b.optString("webhook_url", 2048);
    url.ifPresent(u -> checkUrl(b, u));
    if (url.isPresent() && !kind.equals("bot")) b.error("webhook_url", "only bot agents have a webhook_url");
    b.done();
    c.created(agents.create(c.workspaceId(),
        new AgentService.NewAgent(name, email.orElse(null), kind, status, max, url.orElse(null))));
  }

  private void update(Call c) {
    JsonBody b = c.body().allow("name", "status", "max_chats", "kind", "webhook_url");
    var changes = new AgentService.AgentChanges(b.optString("name", 200),
        b.optOneOf("status", AgentService.STATUSES), b.optInt("max_chats", 0, 100),
        b.optOneOf("kind", AgentService.KINDS), b.optString("webhook_url", 2048));
    changes.webhookUrl().ifPresent(u -> checkUrl(b, u));
    b.done();
    c.ok(agents.update(c.workspaceId(), c.path("id"), changes));
  }

  static void checkEmail(JsonBody b, String email) {
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) b.error("email", "'" + email + "' is not an email address");
  }

  private static void checkUrl(JsonBody b, String url) {
    if (!url.matches("https?://[^\\s/]+.*")) b.error("webhook_url", "must be an absolute http(s) URL");
  }
}
