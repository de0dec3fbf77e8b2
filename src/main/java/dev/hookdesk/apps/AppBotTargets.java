package dev.hookdesk.apps;

import dev.hookdesk.bots.AppBotWebhooks;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.webhooks.PayloadRenderer;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.WebhookRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * An app's bot webhook as the bots feature calls it (SPEC §8): the app's bots are called while
 * the app is installed in the workspace, its webhooks are on there, and its bot webhook lists
 * the event; signed with that webhook's secrets, redacted as the webhook's payloads are.
 */
public final class AppBotTargets implements AppBotWebhooks {
  private final Installations installations;
  private final WebhookRegistry webhooks;
  private final PayloadRenderer payloads;

  public AppBotTargets(Installations installations, WebhookRegistry webhooks,
      PayloadRenderer payloads) {
    this.installations = Objects.requireNonNull(installations);
    this.webhooks = Objects.requireNonNull(webhooks);
    this.payloads = Objects.requireNonNull(payloads);
  }

  @Override
  public boolean hears(Handle h, String workspaceId, String appId, Event event) {
    return webhook(h, workspaceId, appId, event).isPresent();
  }

  @Override
  public Optional<Target> target(Handle h, String workspaceId, String appId, Event event, Instant now) {
    return webhook(h, workspaceId, appId, event).map(w -> {
      List<byte[]> keys = webhooks.signingSecrets(h, List.of(w.id()), now).getOrDefault(w.id(), List.of());
      return new Target(w.url(), keys, payloads.render(event, w));
    });
  }

  private Optional<Webhook> webhook(Handle h, String workspaceId, String appId, Event event) {
    if (installations.active(h, appId, workspaceId).isEmpty()
        || !installations.webhooksEnabled(h, appId, workspaceId)) {
      return Optional.empty();
    }
    return webhooks.botOfApp(h, appId)
        .filter(w -> w.events().stream().anyMatch(p -> EventCatalog.matches(p, event.type())));
  }
}
