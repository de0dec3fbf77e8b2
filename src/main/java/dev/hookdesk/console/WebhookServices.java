package dev.hookdesk.console;

import dev.hookdesk.delivery.DeliveryService;
import dev.hookdesk.delivery.DeliveryStats;
import dev.hookdesk.webhooks.WebhookManagement;
import java.util.Objects;

/** The owners' services behind the webhook pages: the registry's and the delivery log's. */
public record WebhookServices(WebhookManagement webhooks, DeliveryService deliveries,
    DeliveryStats stats) {
  public WebhookServices {
    Objects.requireNonNull(webhooks);
    Objects.requireNonNull(deliveries);
    Objects.requireNonNull(stats);
  }
}
