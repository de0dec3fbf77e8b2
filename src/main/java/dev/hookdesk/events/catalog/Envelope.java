package dev.hookdesk.events.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Wraps a data schema and sample in the SPEC §4 envelope. */
final class Envelope {
  static final String SAMPLE_WORKSPACE = "ws_01jd3v5x8k0000000000000000";

  private final ObjectMapper mapper;
  private final ObjectNode defs;

  Envelope(ObjectMapper mapper, ObjectNode defs) {
    this.mapper = mapper;
    this.defs = defs;
  }

  ObjectNode schema(String type, ObjectNode dataSchema) {
    ObjectNode s = mapper.createObjectNode();
    s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    s.put("$id", "https://hookdesk.dev/schemas/events/" + type + ".json");
    s.put("title", type);
    s.put("type", "object");
    s.set("required", EventCatalog.strings(mapper, "id", "type", "timestamp", "workspace_id",
        "sequence", "actor", "data"));
    ObjectNode p = s.putObject("properties");
    p.putObject("id").put("type", "string").put("pattern", "^evt_[0-9a-z]{26}$");
    p.putObject("type").put("const", type);
    p.putObject("timestamp").put("$ref", "#/$defs/time");
    p.putObject("workspace_id").put("type", "string").put("pattern", "^ws_");
    p.putObject("sequence").put("type", "integer").put("minimum", 1);
    p.putObject("actor").put("$ref", "#/$defs/actor");
    p.set("data", dataSchema);
    s.put("additionalProperties", false);
    s.set("$defs", defs.deepCopy());
    return s;
  }

  ObjectNode sample(String type, ObjectNode data) {
    ObjectNode e = mapper.createObjectNode();
    e.put("id", "evt_01jd3v6a2b3c4d5e6f7g8h9j0k");
    e.put("type", type);
    e.put("timestamp", "2026-11-21T10:00:00.123Z");
    e.put("workspace_id", SAMPLE_WORKSPACE);
    e.put("sequence", 42);
    ObjectNode actor = e.putObject("actor");
    actor.put("type", "agent").put("id", "agt_01jd3v5z1q0000000000000001").put("via", "api");
    e.set("data", data);
    return e;
  }
}
