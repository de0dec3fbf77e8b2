package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * U+0000 cannot be stored in PostgreSQL text or jsonb, so it is refused anywhere in a request
 * (body, nested raw values, key names, cursors, paths); other control characters are refused
 * in named string fields, where only tab, newline and carriage return may appear.
 */
@DbTest
class ControlCharactersTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  private final Api api = node.admin();

  @Test
  void aNulInAStringFieldIsRefusedNamingTheField() {
    int before = tokens();
    api.post("/tokens", "{\"role\":\"agent\",\"name\":\"night\\u0000shift\"}").problem(422, "name");
    api.post("/contacts", "{\"name\":\"Ann\\u0000\"}").problem(422, "name");
    assertThat(tokens()).isEqualTo(before);
  }

  @Test
  void aNulInsideRawJsonIsRefusedWherePostgresWouldChokeOnIt() {
    String chat = chat();
    api.post("/chats/" + chat + "/actions", "{\"name\":\"form\",\"by\":\"contact\","
        + "\"data\":{\"order\":{\"lines\":[\"ok\",\"bad\\u0000\"]}}}")
        .problem(422, "data.order.lines[1]");
    api.post("/chats/" + chat + "/actions", "{\"name\":\"form\",\"by\":\"contact\","
        + "\"data\":{\"bad\\u0000key\":1}}").problem(422, "data");
    api.post("/webhooks", "{\"scope\":\"global\",\"url\":\"http://127.0.0.1:9/hook\","
        + "\"events\":[\"ticket.*\"],\"private\":false,\"headers\":{\"X-Team\":\"a\\u0000b\"}}")
        .problem(422, "headers.X-Team");
    assertThat(api.get("/webhooks").expect(200).at("/data").size()).isZero();
  }

  @Test
  void otherControlCharactersAreRefusedInStringFieldsButLineBreaksAndTabsAreText() {
    api.post("/tokens", Api.json(Map.of("role", "agent", "name", "bell\u0007"))).problem(422, "name");
    api.post("/tokens", Api.json(Map.of("role", "agent", "name", "esc\u001b[31m"))).problem(422, "name");
    var t = api.post("/tickets", Api.json(Map.of("subject", "Broken\tlid",
        "body", "Line one\r\nLine two", "requester", Map.of("name", "Bo", "email", "bo@example.com"))))
        .expect(201);
    assertThat(api.get("/tickets/" + t.str("/id")).expect(200).str("/subject")).isEqualTo("Broken\tlid");
  }

  @Test
  void aBadCursorIsAClearClientError() {
    for (String cursor : List.of("%00", "tok_%00x", "%1b%5b31m", "tok_%C3%A9", "x".repeat(600))) {
      var r = api.get("/tokens?cursor=" + cursor);
      assertThat(r.status()).as(cursor + ": " + r.text()).isIn(400, 422);
      assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/problem+json");
      assertThat(r.str("/detail")).as(r.text()).contains("cursor");
    }
    api.get("/tickets?cursor=%1b").problem(422, "cursor");
    api.get("/events?cursor=%1b").problem(422, "cursor");
  }

  @Test
  void aNulInAPathOrQueryIsRefusedBeforeAnyLookup() {
    api.get("/tickets/tkt_%00").problem(400, null);
    var r = api.get("/chats?status=%00").problem(400, null);
    assertThat(r.str("/detail")).contains("'status'");
    api.get("/tickets?cursor=%00").problem(400, null);
  }

  private int tokens() {
    return api.get("/tokens?limit=500").expect(200).at("/data").size();
  }

  private String chat() {
    api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))); // 409 the second time
    return api.post("/chats", Api.json(Map.of("source", "website", "contact", Map.of("name", "Maria"))))
        .expect(201).str("/id");
  }
}
