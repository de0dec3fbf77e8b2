package dev.hookdesk.console;

import dev.hookdesk.delivery.DeliveryStats;
import dev.hookdesk.http.Principal;
import dev.hookdesk.webhooks.WebhookManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The lists of Settings → Webhooks, from the webhook registry and the delivery log. */
public final class RegistryWebhookView implements WebhookView {
  // The console lists at most this many; the API pages through any number.
  static final int MAX_LISTED = 1000;

  private final WebhookManagement webhooks;
  private final DeliveryStats stats;

  public RegistryWebhookView(WebhookManagement webhooks, DeliveryStats stats) {
    this.webhooks = Objects.requireNonNull(webhooks);
    this.stats = Objects.requireNonNull(stats);
  }

  @Override
  public List<Row> registered(Principal by) {
    Map<String, Double> rates = stats.successRates(by.workspaceId(), Duration.ofHours(24));
    return webhooks.all(by, false, MAX_LISTED).stream()
        .map(w -> row(w, rates.get(w.id())))
        .sorted(Comparator.comparing(Row::createdAt).thenComparing(Row::id).reversed()).toList();
  }

  @Override
  public List<Row> deleted(Principal by) {
    return webhooks.all(by, true, MAX_LISTED).stream().map(w -> row(w, null))
        .sorted(Comparator.comparing(Row::deletedAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(Row::id).reversed()).toList();
  }

  @Override
  public boolean deliveriesEnabled(String workspaceId) {
    return webhooks.deliveriesEnabled(workspaceId);
  }

  @Override
  public void setDeliveriesEnabled(Principal by, boolean enabled) {
    webhooks.setDeliveriesEnabled(by.workspaceId(), enabled);
  }

  private static Row row(dev.hookdesk.webhooks.WebhookView w, Double rate) {
    return new Row(w.id(), w.url(), w.description(), w.scope(), w.events(), w.sources(),
        w.privatePayload(), w.enabled(), rate, w.createdAt(), w.deletedAt(), w.deletedBy());
  }
}
