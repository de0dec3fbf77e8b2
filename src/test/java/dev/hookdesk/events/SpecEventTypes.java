package dev.hookdesk.events;

import java.util.List;

/** The event types SPEC §3–§6 names; the catalog must publish each. */
final class SpecEventTypes {
  static final List<String> ALL = List.of(
      "contact.created", "contact.updated", "contact.blocked", "contact.deleted",
      "contact.subscribed_by_email",
      "ticket.created", "ticket.customer_replied", "ticket.agent_replied", "ticket.answered",
      "ticket.unanswered", "ticket.comment_added", "ticket.assigned", "ticket.unassigned",
      "ticket.team_assigned", "ticket.team_unassigned", "ticket.classified",
      "ticket.queue_changed", "ticket.closed", "ticket.reopened", "ticket.spammed",
      "ticket.unspammed", "ticket.trashed", "ticket.untrashed", "ticket.archived",
      "ticket.unarchived",
      "chat.created", "chat.assigned", "chat.no_agents_available", "chat.message_received",
      "chat.message_sent", "chat.agent_joined", "chat.agent_left", "chat.invitation_received",
      "chat.invitation_accepted", "chat.invitation_rejected", "chat.action",
      "chat.callback_requested", "chat.missed", "chat.closed", "chat.rated",
      "chat.transcript_sent", "chat.copilot_enabled", "chat.copilot_disabled",
      "chat.status_changed", "chat.assignment_requested",
      "webhook.disabled", "webhook.enabled", "delivery.exhausted", "webhook.test",
      "app.installed", "app.uninstalled");
}
