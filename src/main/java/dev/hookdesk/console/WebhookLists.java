package dev.hookdesk.console;

import dev.hookdesk.http.Principal;
import dev.hookdesk.webhooks.WebhookView;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The lists of Settings → Webhooks: webhooks with their recent health, from the registry and the delivery log. */
final class WebhookLists {
  // The console lists at most this many; the API pages through any number.
  static final int MAX_LISTED = 1000;

  private final WebhookServices services;

  WebhookLists(WebhookServices services) {
    this.services = Objects.requireNonNull(services);
  }

  /**
   * One webhook as the lists show it.
   *
   * @param successRate24h share of deliveries that succeeded in the last 24 h, 0..1; null with none
   * @param deletedAt null unless deleted; {@code deletedBy} then names who deleted it
   */
  record Row(String id, String url, String description, String scope, List<String> events,
      List<String> sources, boolean privatePayload, boolean enabled, Double successRate24h,
      Instant createdAt, Instant deletedAt, String deletedBy) {
    Row {
      Objects.requireNonNull(id);
      Objects.requireNonNull(url);
      events = List.copyOf(events);
      sources = List.copyOf(sources);
    }
  }

  /** Registered (not deleted) webhooks the admin sees, newest first. */
  List<Row> registered(Principal by) {
    Map<String, Double> rates = services.stats().successRates(by.workspaceId(), Duration.ofHours(24));
    return services.management().all(by, false, MAX_LISTED).stream()
        .map(w -> row(w, rates.get(w.id())))
        .sorted(Comparator.comparing(Row::createdAt).thenComparing(Row::id).reversed()).toList();
  }

  /** Deleted webhooks, most recently deleted first. */
  List<Row> deleted(Principal by) {
    return services.management().all(by, true, MAX_LISTED).stream().map(w -> row(w, null))
        .sorted(Comparator.comparing(Row::deletedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Row::id).reversed()).toList();
  }

  /** The workspace switch of {@code GET /settings/webhooks}. */
  boolean deliveriesEnabled(String workspaceId) {
    return services.workspaces().webhooksEnabled(workspaceId);
  }

  /** {@code PUT /settings/webhooks}, done by an admin in the console. */
  void setDeliveriesEnabled(Principal by, boolean enabled) {
    services.workspaces().setWebhooksEnabled(by.workspaceId(), enabled);
  }

  private static Row row(WebhookView w, Double rate) {
    return new Row(w.id(), w.url(), w.description(), w.scope(), w.events(), w.sources(),
        w.privatePayload(), w.enabled(), rate, w.createdAt(), w.deletedAt(), w.deletedBy());
  }
}
