package dev.hookdesk.console;

import dev.hookdesk.http.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the Settings → Webhooks lists need: webhooks with their recent health, and the switch. */
public interface WebhookView {

  /** Registered (not deleted) webhooks the admin sees, newest first. */
  List<Row> registered(Principal by);

  /** Deleted webhooks, most recently deleted first. */
  List<Row> deleted(Principal by);

  /** The workspace switch of {@code GET /settings/webhooks}. */
  boolean deliveriesEnabled(String workspaceId);

  /** {@code PUT /settings/webhooks}, done by an admin in the console. */
  void setDeliveriesEnabled(Principal by, boolean enabled);

  /**
   * One webhook as the lists show it.
   *
   * @param successRate24h share of deliveries that succeeded in the last 24 h, 0..1; null with none
   * @param deletedAt null unless deleted; {@code deletedBy} then names who deleted it
   */
  record Row(String id, String url, String description, String scope, List<String> events,
      List<String> sources, boolean privatePayload, boolean enabled, Double successRate24h,
      Instant createdAt, Instant deletedAt, String deletedBy) {
    public Row {
      Objects.requireNonNull(id);
      Objects.requireNonNull(url);
      events = List.copyOf(events);
      sources = List.copyOf(sources);
    }
  }
}
