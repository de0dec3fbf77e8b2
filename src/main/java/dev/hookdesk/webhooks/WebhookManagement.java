package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.http.JsonBody;
import dev.hookdesk.http.Page;
import dev.hookdesk.http.Principal;
import dev.hookdesk.webhooks.send.EgressGuard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Registering and changing webhooks from a caller's input (SPEC §5), for every door: the API
 * routes and the console both come through here, so a webhook is checked by one
 * {@link WebhookForm}. What needs no input checked (reads, delete, restore, secrets) is the
 * {@link WebhookRegistry}'s.
 */
public final class WebhookManagement {
  static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

  private final WebhookRegistry registry;
  private final WebhookForm form;
  private final WebhookTester tester;
  private final ObjectMapper mapper;

  public WebhookManagement(WebhookRegistry registry, WebhookTester tester, EventCatalog catalog,
      EgressGuard guard, ObjectMapper mapper) {
    this.registry = Objects.requireNonNull(registry);
    this.form = new WebhookForm(Objects.requireNonNull(catalog), Objects.requireNonNull(guard));
    this.tester = Objects.requireNonNull(tester);
    this.mapper = Objects.requireNonNull(mapper);
  }

  /** The scopes a webhook may have (SPEC §5). */
  public static List<String> scopes() {
    return WebhookForm.SCOPES;
  }

  /** The fields of {@code POST /webhooks}, in the API's names. */
  public static List<String> fields() {
    return List.of(WebhookForm.FIELDS);
  }

  /** {@code POST /webhooks}: throws {@code Invalid} naming every bad field, writing nothing. */
  public WebhookView create(Principal p, ObjectNode body) {
    return createAll(p, List.of(body)).get(0);
  }

  /**
   * Several {@code POST /webhooks} bodies (the console's form with one URL per line): all are
   * registered, or, if any body or conflict is refused, none is.
   */
  public List<WebhookView> createAll(Principal p, List<ObjectNode> bodies) {
    List<WebhookDraft> drafts = new ArrayList<>();
    for (ObjectNode body : bodies) {
      JsonBody b = new JsonBody(body).allow(WebhookForm.FIELDS);
      drafts.add(form.read(b, true, Map.of()));
      b.done();
    }
    return registry.createAll(Owner.of(p), drafts);
  }

  /** Checks a {@code POST /webhooks} body as {@link #create} would, writing nothing. */
  public void check(ObjectNode body) {
    JsonBody b = new JsonBody(body).allow(WebhookForm.FIELDS);
    form.read(b, true, Map.of());
    b.done();
  }

  /**
   * {@code PATCH}: the stored webhook with the given fields replaced, checked as a whole. The
   * masked header values of the stored webhook (and any given as {@link CustomHeaders#MASK})
   * keep their stored values; {@code headers} given replace the whole set.
   */
  public WebhookView update(Principal p, Actor actor, String id, ObjectNode body) {
    Owner owner = Owner.of(p);
    StoredWebhook before = registry.stored(owner, id);
    JsonBody patch = new JsonBody(body).allow(Arrays.stream(WebhookForm.FIELDS)
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
    WebhookDraft d = form.read(b, urlChanged, before.webhook().headers());
    b.done();
    return registry.update(owner, actor, id, d);
  }

  /** {@code POST /apps/{id}/webhooks}: one webhook for every workspace that installs the app. */
  public AppWebhookView createForApp(String workspaceId, String appId, ObjectNode body) {
    JsonBody b = new JsonBody(body).allow("url", "events", "type", "secret", "description", "filters");
    WebhookDraft d = form.readApp(b);
    b.done();
    return registry.createForApp(workspaceId, appId, d);
  }

  /** Every webhook of the caller, registered or deleted, a page at a time up to {@code max}. */
  public List<WebhookView> all(Principal p, boolean deleted, int max) {
    List<WebhookView> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    while (out.size() < max) {
      Page.Result<WebhookView> page = registry.list(p, deleted, new Page(Page.MAX_LIMIT, cursor));
      out.addAll(page.data());
      if (page.nextCursor() == null) break;
      cursor = Optional.of(page.nextCursor());
    }
    return out.size() > max ? out.subList(0, max) : out;
  }

  /** {@code POST /webhooks/{id}/test}. */
  public WebhookTester.Attempt test(Principal p, Actor actor, String id, Optional<String> eventType) {
    return tester.send(registry.stored(Owner.of(p), id), actor, eventType);
  }
}
