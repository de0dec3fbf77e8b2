package dev.hookdesk.console;

import dev.hookdesk.delivery.DeliveryService;
import dev.hookdesk.delivery.DeliveryStats;
import dev.hookdesk.webhooks.WebhookManagement;
import dev.hookdesk.webhooks.WebhookRegistry;
import dev.hookdesk.workspaces.WorkspaceService;
import java.util.Objects;

/**
 * The owners' services behind the webhook pages: the registry's (input checked by
 * {@code management}), the workspace's (its webhook switch) and the delivery log's.
 */
public record WebhookServices(WebhookManagement management, WebhookRegistry registry,
    WorkspaceService workspaces, DeliveryService deliveries, DeliveryStats stats) {
  public WebhookServices {
    Objects.requireNonNull(management);
    Objects.requireNonNull(registry);
    Objects.requireNonNull(workspaces);
    Objects.requireNonNull(deliveries);
    Objects.requireNonNull(stats);
  }
}
