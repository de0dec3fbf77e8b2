package dev.hookdesk.delivery;

import dev.hookdesk.webhooks.Signer;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/** The signed request of one attempt, with the Standard Webhooks and Hookdesk headers of SPEC §5. */
final class RequestFactory {
  private static final Set<String> RESERVED = Set.of("content-type", "user-agent", "webhook-id",
      "webhook-timestamp", "webhook-signature", "hookdesk-event-type", "hookdesk-delivery-id",
      "hookdesk-attempt", "content-length", "host");

  private final String userAgent;

  RequestFactory(String version) {
    this.userAgent = "Hookdesk-Webhooks/" + version;
  }

  OutboundRequest build(Webhook webhook, Claimed c, String eventType, byte[] body, List<byte[]> secrets, Instant now) {
    long timestamp = now.getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    // A custom header never replaces the signature, the ids or the content type.
    webhook.headers().forEach((k, v) -> {
      if (!RESERVED.contains(k.toLowerCase(Locale.ROOT))) headers.put(k, v);
    });
    headers.put("content-type", "application/json; charset=utf-8");
    headers.put("user-agent", userAgent);
    headers.put("webhook-id", c.eventId());
    headers.put("webhook-timestamp", Long.toString(timestamp));
    headers.put("webhook-signature", Signer.header(secrets, c.eventId(), timestamp, body));
    headers.put("hookdesk-event-type", eventType);
    headers.put("hookdesk-delivery-id", c.deliveryId());
    headers.put("hookdesk-attempt", Integer.toString(c.attemptNumber()));
    return new OutboundRequest(webhook.url(), headers, body,
        Duration.ofMillis(webhook.timeoutMs() > 0 ? webhook.timeoutMs() : 15_000));
  }
}
