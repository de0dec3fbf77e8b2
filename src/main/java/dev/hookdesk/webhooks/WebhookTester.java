package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.Ids;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import dev.hookdesk.webhooks.send.WebhookSender;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /webhooks/{id}/test}: signs and sends one event now and answers with what the
 * receiver did. Test events are not in the event log and create no delivery; they reach
 * disabled webhooks too, so a fixed receiver can be checked before re-enabling it.
 */
public final class WebhookTester {
  static final String TEST_TYPE = "webhook.test";

  private final EventCatalog catalog;
  private final PayloadRenderer renderer;
  private final WebhookDirectory directory;
  private final WebhookSender sender;
  private final Ids ids;
  private final Clock clock;

  public WebhookTester(EventCatalog catalog, PayloadRenderer renderer, WebhookDirectory directory,
      WebhookSender sender, Ids ids, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog);
    this.renderer = Objects.requireNonNull(renderer);
    this.directory = Objects.requireNonNull(directory);
    this.sender = Objects.requireNonNull(sender);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  /** What a test send produced; {@code status} 0 means no response (see {@code error}). */
  public record Attempt(String id, String eventId, String eventType, String deliveryId, String url,
      boolean success, int status, long durationMs, Map<String, String> requestHeaders,
      Map<String, String> responseHeaders, String responseBody, String error, Instant sentAt) {}

  Attempt send(StoredWebhook stored, Actor actor, Optional<String> eventType) {
    Webhook w = stored.webhook();
    if (w.deleted()) throw new Conflict("Webhook " + w.id() + " is deleted; restore it to test it");
    String type = eventType.orElse(TEST_TYPE);
    EventType et = catalog.find(type).orElseThrow(() -> new Invalid("event_type",
        "'" + type + "' is not an event type; see GET /event-types"));
    ObjectNode data = et.sample().get("data").deepCopy();
    if (type.equals(TEST_TYPE)) data.put("webhook_id", w.id());
    Instant now = clock.instant();
    Event event = new Event(ids.next("evt"), type, now, w.workspaceId(),
        et.sample().path("sequence").asLong(1), actor, data, null);
    String deliveryId = ids.next("dlv");
    OutboundRequest request = SignedRequest.of(w, event.id(), type, deliveryId, 1,
        renderer.render(event, w), directory.signingSecrets(w.id(), now), now);
    AttemptResult r = sender.send(request)
        .completeOnTimeout(null, w.timeoutMs() + 5000L, TimeUnit.MILLISECONDS).join();
    if (r == null) r = new AttemptResult(0, Map.of(), null, w.timeoutMs(), "timeout: no answer", Optional.empty());
    return new Attempt(ids.next("att"), event.id(), type, deliveryId, w.url(), r.success(),
        r.status(), r.durationMillis(), CustomHeaders.maskedIn(request.headers(), w.headers().keySet()),
        r.responseHeaders(), r.responseBody(), r.error(), now);
  }
}
