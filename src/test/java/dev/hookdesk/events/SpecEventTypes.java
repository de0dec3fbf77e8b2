package dev.hookdesk.events;

import java.util.List;

/** The event types SPEC §3–§6 names; the catalog must publish each. */
final class SpecEventTypes {
  static final List<String> ALL = List.of(
      "contact.created", "contact.blocked", "contact.deleted", "contact.subscribed_by_email",
      "webhook.disabled", "webhook.enabled", "delivery.exhausted", "webhook.test");
}
