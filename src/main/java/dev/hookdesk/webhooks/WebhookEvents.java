package dev.hookdesk.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import dev.hookdesk.events.EventDraft;
import dev.hookdesk.events.EventLog;
import org.jdbi.v3.core.Handle;

/**
 * The operational events about webhooks ({@code webhook.disabled}, {@code webhook.enabled}).
 * The URL is left out: receiver URLs often carry tokens, and the event log is readable by
 * every desk token.
 */
final class WebhookEvents {
  private final EventLog events;
  private final ObjectMapper mapper;

  WebhookEvents(EventLog events, ObjectMapper mapper) {
    this.events = events;
    this.mapper = mapper;
  }

  void disabled(Handle h, Webhook w, Actor actor, String reason) {
    ObjectNode data = summary(w);
    data.put("reason", reason);
    events.append(h, new EventDraft(w.workspaceId(), "webhook.disabled", actor, data));
  }

  void enabled(Handle h, Webhook w, Actor actor) {
    events.append(h, new EventDraft(w.workspaceId(), "webhook.enabled", actor, summary(w)));
  }

  private ObjectNode summary(Webhook w) {
    ObjectNode data = mapper.createObjectNode();
    ObjectNode n = data.putObject("webhook");
    n.put("id", w.id());
    n.put("scope", w.scope());
    n.put("description", w.description());
    n.set("events", mapper.valueToTree(w.events()));
    n.put("app_id", w.appId());
    return data;
  }
}
