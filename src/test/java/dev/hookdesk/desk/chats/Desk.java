package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fresh workspace with a chat source, and short ways to set up agents and chats in it. */
final class Desk {
  final Api api;

  private Desk(Api api) {
    this.api = api;
  }

  static Desk fresh(TestNode node) {
    var r = node.admin().post("/workspaces", Api.json(Map.of("name", "Chats test"))).expect(201);
    Desk d = new Desk(node.admin().as(r.str("/admin_token")));
    d.api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    return d;
  }

  String agent(String name, String status, int maxChats) {
    return api.post("/agents", Api.json(Map.of("name", name, "status", status, "max_chats", maxChats)))
        .expect(201).str("/id");
  }

  String bot(String name) {
    return api.post("/agents", Api.json(Map.of("name", name, "kind", "bot", "status", "online", "max_chats", 50)))
        .expect(201).str("/id");
  }

  Api.Res newChat(String contactName) {
    return api.post("/chats", Api.json(Map.of("source", "website", "type", "request",
        "contact", Map.of("name", contactName, "email", contactName.toLowerCase() + "@example.com"))));
  }

  String chat(String contactName) {
    return newChat(contactName).expect(201).str("/id");
  }

  int load(String agentId) {
    return api.get("/agents/" + agentId).expect(200).at("/active_chats").asInt();
  }

  void say(String chatId, String authorType, String authorId, String text) {
    var body = authorId == null ? Map.of("author_type", authorType, "text", text)
        : Map.of("author_type", authorType, "author_id", authorId, "text", text);
    api.post("/chats/" + chatId + "/messages", Api.json(body)).expect(201);
  }

  /** Every event of the workspace, in order. */
  List<JsonNode> events() {
    List<JsonNode> out = new ArrayList<>();
    api.get("/events?limit=500").expect(200).json().get("data").forEach(out::add);
    return out;
  }

  /** The types of this chat's events, in order. */
  List<String> typesOf(String chatId) {
    return events().stream().filter(e -> e.at("/data/chat/id").asText().equals(chatId))
        .map(e -> e.get("type").asText()).toList();
  }

  JsonNode last(String type) {
    var all = events().stream().filter(e -> e.get("type").asText().equals(type)).toList();
    if (all.isEmpty()) throw new AssertionError("no " + type + " event");
    return all.get(all.size() - 1);
  }

  int count() {
    return events().size();
  }
}
