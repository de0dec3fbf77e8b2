package dev.hookdesk.events;

import java.util.List;

/** The event types SPEC §3–§6 names; the catalog must publish each. */
final class SpecEventTypes {
  static final List<String> ALL = List.of(
      "contact.created", "contact.blocked", "contact.deleted", "contact.subscribed_by_email",
      "ticket.created", "ticket.customer_replied", "ticket.agent_replied", "ticket.answered",
      "ticket.unanswered", "ticket.comment_added", "ticket.assigned", "ticket.unassigned",
      "ticket.team_assigned", "ticket.team_unassigned", "ticket.classified",
      "ticket.queue_changed", "ticket.closed", "ticket.reopened", "ticket.spammed",
      "ticket.unspammed", "ticket.trashed", "ticket.untrashed", "ticket.archived",
      "ticket.unarchived");
}
