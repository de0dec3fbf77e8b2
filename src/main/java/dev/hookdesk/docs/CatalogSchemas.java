package dev.hookdesk.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hookdesk.events.catalog.EventCatalog;
import dev.hookdesk.events.catalog.EventType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog's schemas as named components, shared by both documents: its snapshots
 * ({@code ticket}, {@code chat}, ...) and one envelope per event type ({@code event.ticket.created}).
 * Each catalog schema is self-contained ({@code $defs}); here the shared parts are lifted out
 * once and {@code #/$defs/x} becomes {@code #/components/schemas/x}.
 */
final class CatalogSchemas {
  static final String REF = "#/components/schemas/";

  private CatalogSchemas() {}

  static String eventName(String type) {
    return "event." + type;
  }

  /** Every snapshot and envelope schema by component name, in catalog order. */
  static Map<String, ObjectNode> of(EventCatalog catalog) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (EventType t : catalog.all()) {
      ObjectNode envelope = t.schema().deepCopy();
      ObjectNode defs = (ObjectNode) envelope.remove("$defs");
      envelope.remove("$schema");
      envelope.remove("$id");
      envelope.put("description", t.description());
      if (defs != null) {
        defs.properties().forEach(d -> out.putIfAbsent(d.getKey(), (ObjectNode) relink(d.getValue().deepCopy())));
      }
      out.put(eventName(t.type()), (ObjectNode) relink(envelope));
    }
    return out;
  }

  /** Rewrites {@code #/$defs/x} references in place to component references. */
  static JsonNode relink(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.asText().startsWith("#/$defs/")) {
        o.set("$ref", TextNode.valueOf(REF + ref.asText().substring("#/$defs/".length())));
      }
      for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) relink(it.next());
    } else if (node.isArray()) {
      node.forEach(CatalogSchemas::relink);
    }
    return node;
  }
}
