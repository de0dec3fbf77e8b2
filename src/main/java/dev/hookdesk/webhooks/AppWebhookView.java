package dev.hookdesk.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * An app's webhook as {@code /apps/{id}/webhooks} shows it (SPEC §8): the secret in full only in
 * the answer that registered it, masked everywhere else.
 */
public record AppWebhookView(String id, String appId, String type, String url, String description,
    List<String> events, Filters filters, String secret, boolean enabled, String disabledReason,
    Instant createdAt) {

  public record Filters(List<String> authorTypes, List<String> sources, boolean onlyMyChats) {}

  static AppWebhookView of(StoredWebhook s, String secret) {
    Webhook w = s.webhook();
    AppFilters f = w.appFilters();
    return new AppWebhookView(w.id(), w.appId(), f.type(), w.url(), w.description(), w.events(),
        new Filters(f.authorTypes(), f.sources(), f.onlyMyChats()), secret, w.enabled(),
        s.disabledReason(), w.createdAt());
  }
}
