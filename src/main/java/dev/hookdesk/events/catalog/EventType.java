package dev.hookdesk.events.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** One entry of the catalog: the published JSON Schema of the envelope and a sample. */
public record EventType(String type, String scope, String description, ObjectNode schema,
    ObjectNode sample) {
  public EventType {
    Objects.requireNonNull(type);
    Objects.requireNonNull(scope);
    Objects.requireNonNull(description);
    Objects.requireNonNull(schema);
    Objects.requireNonNull(sample);
  }

  /** The resource part of the name: {@code ticket} for {@code ticket.created}. */
  public String resource() {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }
}
