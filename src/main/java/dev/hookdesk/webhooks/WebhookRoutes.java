package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.Access;
import dev.hookdesk.http.Call;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.webhooks.send.EgressGuard;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** {@code /webhooks}: register, read, change, delete and restore, secrets, test sends. */
public final class WebhookRoutes implements Routes {
  private static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

  private final WebhookRegistry registry;
  private final WebhookForm form;
  private final WebhookTester tester;
  private final ObjectMapper mapper;

  public WebhookRoutes(WebhookRegistry registry, WebhookTester tester, EventCatalog catalog,
      EgressGuard guard, ObjectMapper mapper) {
    this.registry = Objects.requireNonNull(registry);
    this.form = new WebhookForm(Objects.requireNonNull(catalog), Objects.requireNonNull(guard));
    this.tester = Objects.requireNonNull(tester);
    this.mapper = Objects.requireNonNull(mapper);
  }

  @Override
  public void register(Router r) {
    r.post("/webhooks", Access.WEBHOOKS, this::create);
    r.get("/webhooks", Access.WEBHOOKS, c -> c.ok(registry.list(owner(c), false, c.page())));
    r.get("/webhooks/deleted", Access.WEBHOOKS, c -> c.ok(registry.list(owner(c), true, c.page())));
    r.get("/webhooks/{id}", Access.WEBHOOKS,
        c -> c.ok(registry.view(registry.get(owner(c), c.path("id")))));
    r.patch("/webhooks/{id}", Access.WEBHOOKS, this::update);
    r.delete("/webhooks/{id}", Access.WEBHOOKS, c -> c.ok(registry.delete(owner(c), c.path("id"))));
    r.post("/webhooks/{id}/restore", Access.WEBHOOKS,
        c -> c.ok(registry.restore(owner(c), c.path("id"))));
    r.get("/webhooks/{id}/secret", Access.WEBHOOKS,
        c -> c.ok(registry.secret(owner(c), c.path("id"))));
    r.post("/webhooks/{id}/secret/rotate", Access.WEBHOOKS, this::rotate);
    r.post("/webhooks/{id}/test", Access.WEBHOOKS, this::test);
  }

  private void create(Call c) {
    JsonBody b = c.body().allow(WebhookForm.FIELDS);
    WebhookDraft d = form.read(b, true);
    b.done();
    c.created(registry.create(owner(c), d));
  }

  /** A change is the stored webhook with the given fields replaced, checked as a whole. */
  private void update(Call c) {
    Owner owner = owner(c);
    StoredWebhook before = registry.get(owner, c.path("id"));
    JsonBody patch = c.body().allow(Arrays.stream(WebhookForm.FIELDS)
        .filter(f -> !f.equals("secret")).toArray(String[]::new));
    patch.done();
    ObjectNode merged = mapper.valueToTree(registry.view(before));
    merged.retain(WebhookForm.FIELDS);
    merged.remove("secret");
    merged.setAll(patch.raw());
    boolean nowDecision = merged.path("events").toString().contains("\"" + WebhookForm.DECISION_EVENT + "\"");
    // A webhook that becomes (or stops being) a decision takes that kind's default timeout.
    if (!patch.has("timeout_ms") && nowDecision != before.webhook().isDecision()) {
      merged.remove("timeout_ms");
    }
    JsonBody b = new JsonBody(merged);
    boolean urlChanged = !merged.path("url").asText().equals(before.webhook().url());
    WebhookDraft d = form.read(b, urlChanged);
    b.done();
    c.ok(registry.update(owner, c.actor(), c.path("id"), d));
  }

  private void rotate(Call c) {
    JsonBody b = c.body().allow("grace_period_seconds", "secret");
    long grace = b.optInt("grace_period_seconds", 0, (int) MAX_GRACE_SECONDS).orElse(86_400);
    Optional<String> secret = b.optString("secret", Secrets.MAX_LENGTH);
    secret.flatMap(Secrets::problem).ifPresent(p -> b.error("secret", p));
    b.done();
    c.ok(registry.rotate(owner(c), c.path("id"), grace, secret));
  }

  private void test(Call c) {
    JsonBody b = c.body().allow("event_type");
    Optional<String> type = b.optString("event_type", 64);
    b.done();
    c.ok(tester.send(registry.get(owner(c), c.path("id")), c.actor(), type));
  }

  private static Owner owner(Call c) {
    return Owner.of(c.principal());
  }
}
