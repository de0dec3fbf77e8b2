package dev.hookdesk.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fresh workspace with a website source, and short ways to set up agents, chats and decision webhooks. */
final class Workspace {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  final Api api;

  private Workspace(Api api) {
    this.api = api;
  }

  /** A decision service or bot on loopback; until told otherwise it declines ({@code agent_id} null). */
  static Receiver service() {
    return Receiver.answering(Receiver.Reply.json(200, "{\"agent_id\":null}"));
  }

  static Workspace fresh(TestNode node) {
    var r = node.admin().post("/workspaces", Api.json(Map.of("name", "Decisions"))).expect(201);
    Workspace w = new Workspace(node.admin().as(r.str("/admin_token")));
    w.api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    return w;
  }

  String agent(String name, int maxChats) {
    return api.post("/agents", Api.json(Map.of("name", name, "status", "online", "max_chats", maxChats)))
        .expect(201).str("/id");
  }

  /** A decision webhook for chat.assignment_requested on the website source. */
  String decisionWebhook(String url, int timeoutMs) {
    Map<String, Object> body = new HashMap<>();
    body.put("scope", "live_support");
    body.put("url", url);
    body.put("events", List.of("chat.assignment_requested"));
    body.put("sources", List.of("website"));
    body.put("secret", SECRET);
    body.put("timeout_ms", timeoutMs);
    return api.post("/webhooks", Api.json(body)).expect(201).str("/id");
  }

  JsonNode chat(String contactName) {
    return api.post("/chats", Api.json(Map.of("source", "website",
        "contact", Map.of("name", contactName, "email", contactName.toLowerCase().replaceAll("[^a-z0-9]", ".") + "@example.com"))))
        .expect(201).json();
  }

  /** The newest event of a type about a chat. */
  JsonNode last(String type, String chatId) {
    JsonNode found = null;
    for (JsonNode e : api.get("/events?limit=200&type=" + type).expect(200).at("/data")) {
      if (e.at("/data/chat/id").asText().equals(chatId)) found = e;
    }
    if (found == null) throw new AssertionError("no " + type + " for " + chatId);
    return found;
  }

  /** The chat's contact writes in it. */
  void contactSays(String chatId, String text) {
    api.post("/chats/" + chatId + "/messages", Api.json(Map.of("author_type", "contact", "text", text)))
        .expect(201);
  }

  /** What bots have written in the chat, oldest first. */
  List<String> botTexts(String chatId) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : api.get("/chats/" + chatId + "/messages").expect(200).at("/data")) {
      if (m.get("author_type").asText().equals("bot")) out.add(m.get("text").asText());
    }
    return out;
  }

  /** The ids of the chat's participants. */
  List<String> participants(String chatId) {
    List<String> out = new ArrayList<>();
    api.get("/chats/" + chatId).expect(200).at("/participants").forEach(p -> out.add(p.get("id").asText()));
    return out;
  }

  JsonNode deliveries(String webhookId) {
    return api.get("/webhooks/" + webhookId + "/deliveries").expect(200).at("/data");
  }
}
