package dev.hookdesk.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a visitor sees of their chat and its messages: the status, the agents' names, their own
 * rating; never notes, reports, invitations or the agents' ids and emails. Made from the
 * snapshot JSON, so the API's answers and the stream's events read the same.
 */
final class VisitorView {
  private final ObjectMapper mapper;

  VisitorView(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode chat(JsonNode chat) {
    ObjectNode v = mapper.createObjectNode();
    v.put("id", chat.path("id").asText());
    v.put("status", chat.path("status").asText());
    ArrayNode agents = v.putArray("agents");
    chat.path("participants").forEach(p -> agents.addObject().put("name", p.path("name").asText()));
    v.set("rating", chat.path("rating").isObject() ? ratingOf(chat.path("rating")) : null);
    v.put("callback_requested", chat.path("callback").isObject());
    v.set("created_at", chat.path("created_at"));
    v.set("closed_at", chat.path("closed_at"));
    return v;
  }

  /** {@code author} visitor|agent|bot|system; {@code author_name} for agents and bots. */
  ObjectNode message(JsonNode message, JsonNode chat) {
    ObjectNode v = mapper.createObjectNode();
    v.put("id", message.path("id").asText());
    String type = message.path("author_type").asText();
    v.put("author", type.equals("contact") ? "visitor" : type);
    String authorId = message.path("author_id").asText(null);
    String name = null;
    if (!type.equals("contact") && authorId != null) {
      for (JsonNode p : chat.path("all_participants")) {
        if (authorId.equals(p.path("id").asText())) name = p.path("name").asText();
      }
    }
    v.put("author_name", name);
    v.put("text", message.path("text").asText());
    v.set("created_at", message.path("created_at"));
    return v;
  }

  private ObjectNode ratingOf(JsonNode r) {
    ObjectNode v = mapper.createObjectNode();
    v.set("score", r.path("score"));
    v.set("comment", r.path("comment"));
    return v;
  }
}
