package dev.hookdesk.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One committed event: the envelope of SPEC §4. {@code source} (the chat source, when there
 * is one) is kept beside it so webhooks can be filtered without reading the data.
 */
@JsonPropertyOrder({"id", "type", "timestamp", "workspace_id", "sequence", "actor", "data"})
public record Event(String id, String type, Instant timestamp, String workspaceId, long sequence,
    Actor actor, ObjectNode data, @JsonIgnore String source) {

  public Event {
    Objects.requireNonNull(id);
    Objects.requireNonNull(type);
    Objects.requireNonNull(timestamp);
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(actor);
    Objects.requireNonNull(data);
  }
}
