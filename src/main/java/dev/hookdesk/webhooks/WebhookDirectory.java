package dev.hookdesk.webhooks;

import dev.hookdesk.events.Event;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What the delivery engine needs from the webhook registry. */
public interface WebhookDirectory {
  /** Why a webhook whose endpoint answered {@code 410 Gone} was disabled. */
  String GONE = "the endpoint answered 410 Gone";

  /**
   * The webhooks an event goes to: same workspace, workspace switch on, enabled, not
   * deleted, scope and event list (with wildcards) and chat source matching. Decision
   * webhooks are never returned here.
   */
  List<Webhook> matching(Handle h, Event event);

  /**
   * Whether a webhook {@link #matching} returned takes this very event: {@code matching} answers
   * alike for the events of one workspace, type and source; filters that read the event's
   * content (an app webhook's message author, bots in the chat) are applied here.
   */
  default boolean accepts(Handle h, Webhook webhook, Event event) {
    return true;
  }

  /** A webhook by id, deleted or not. */
  Optional<Webhook> find(Handle h, String webhookId);

  /** The secrets that sign now: the current one, plus the previous one during a rotation grace. */
  List<byte[]> signingSecrets(String webhookId, Instant now);

  /** The signing secrets of several webhooks, read with one query in the caller's handle. */
  Map<String, List<byte[]>> signingSecrets(Handle h, Collection<String> webhookIds, Instant now);

  /** Disables a webhook (410 Gone, or 5 days of failure) and emits {@code webhook.disabled}. */
  void disable(Handle h, String webhookId, String reason);
}
