package dev.hookdesk.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookdesk.core.Actor;
import java.util.Objects;

/** An event a service is about to append; the log gives it an id, time and sequence. */
public record EventDraft(String workspaceId, String type, Actor actor, ObjectNode data, String source) {
  public EventDraft {
    Objects.requireNonNull(workspaceId);
    Objects.requireNonNull(type);
    Objects.requireNonNull(actor);
    Objects.requireNonNull(data);
  }

  public EventDraft(String workspaceId, String type, Actor actor, ObjectNode data) {
    this(workspaceId, type, actor, data, null);
  }
}
