package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A visitor as the widget on a shop's page calls {@code /widget/v1}: session, chat, messages. */
final class VisitorOnA {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String origin;
  private String token;
  String chatId;

  private VisitorOnA(String base, String origin) {
    this.base = base;
    this.origin = origin;
  }

  static VisitorOnA start(String base, String origin, String workspaceId) throws Exception {
    VisitorOnA v = new VisitorOnA(base, origin);
    v.token = v.post("/sessions", Map.of("workspace_id", workspaceId, "source", "website",
        "name", "Vic Visitor")).path("visitor_token").asText();
    v.chatId = v.post("/chats", Map.of()).path("chat").path("id").asText();
    return v;
  }

  void says(String text) throws Exception {
    post("/chats/" + chatId + "/messages", Map.of("text", text));
  }

  private JsonNode post(String path, Map<String, ?> body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/widget/v1" + path))
        .header("Origin", origin).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Api.json(body)));
    if (token != null) b.header("Authorization", "Bearer " + token);
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }
}
