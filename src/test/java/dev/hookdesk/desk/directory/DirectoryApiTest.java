package dev.hookdesk.desk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Agents, contacts and chat sources through the API. */
@DbTest
class DirectoryApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void agentsAreCreatedListedAndChanged() {
    var a = api.post("/agents", Api.json(Map.of("name", "Ana", "email", "ana@example.com",
        "status", "online", "max_chats", 2))).expect(201);
    String id = a.str("/id");
    assertThat(id).startsWith("agt_");
    assertThat(a.str("/kind")).isEqualTo("human");
    assertThat(a.at("/active_chats").asInt()).isZero();

    var changed = api.patch("/agents/" + id, Api.json(Map.of("status", "away", "max_chats", 5))).expect(200);
    assertThat(changed.str("/status")).isEqualTo("away");
    assertThat(changed.at("/max_chats").asInt()).isEqualTo(5);
    assertThat(api.get("/agents/" + id).expect(200).str("/status")).isEqualTo("away");
    assertThat(api.get("/agents").expect(200).json().get("data").findValuesAsText("id")).contains(id);

    var bot = api.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot",
        "webhook_url", "http://127.0.0.1:9/echo"))).expect(201);
    assertThat(bot.str("/kind")).isEqualTo("bot");
  }

  @Test
  void onlyAdminsPointABotAnywhereAndOnlyWhereWebhooksMayGo() {
    String bot = api.post("/agents", Api.json(Map.of("name", "Relay", "kind", "bot",
        "webhook_url", "http://127.0.0.1:9/relay"))).expect(201).str("/id");
    Api agent = node.withRole("agent");
    agent.patch("/agents/" + bot, Api.json(Map.of("webhook_url", "http://127.0.0.1:9/mine"))).problem(403, null);
    agent.patch("/agents/" + bot, Api.json(Map.of("kind", "human"))).problem(403, null);
    assertThat(agent.patch("/agents/" + bot, Api.json(Map.of("status", "online"))).expect(200).str("/status"))
        .isEqualTo("online");
    assertThat(api.get("/agents/" + bot).expect(200).str("/webhook_url")).isEqualTo("http://127.0.0.1:9/relay");

    // the egress guard of webhooks: private networks, link-local (metadata) and unknown hosts are refused
    api.patch("/agents/" + bot, Api.json(Map.of("webhook_url", "http://169.254.169.254/latest"))).problem(422, "webhook_url");
    api.patch("/agents/" + bot, Api.json(Map.of("webhook_url", "http://10.1.2.3/bot"))).problem(422, "webhook_url");
    api.post("/agents", Api.json(Map.of("name", "Leak", "kind", "bot",
        "webhook_url", "http://no-such-host.invalid/bot"))).problem(422, "webhook_url");
    assertThat(api.patch("/agents/" + bot, Api.json(Map.of("webhook_url", "http://127.0.0.1:9/v2"))).expect(200)
        .str("/webhook_url")).isEqualTo("http://127.0.0.1:9/v2");
  }

  @Test
  void badAgentInputNamesTheField() {
    api.post("/agents", Api.json(Map.of("name", "X", "status", "sleeping"))).problem(422, "status");
    api.post("/agents", Api.json(Map.of("name", "X", "max_chats", -1))).problem(422, "max_chats");
    api.post("/agents", Api.json(Map.of("name", "X", "max_chats", "3"))).problem(422, "max_chats");
    api.post("/agents", Api.json(Map.of("email", "x@example.com"))).problem(422, "name");
    api.post("/agents", Api.json(Map.of("name", "X", "webhook_url", "https://a.example"))).problem(422, "webhook_url");
    api.patch("/agents/agt_missing", Api.json(Map.of("status", "online"))).problem(404, null);
    node.withRole("agent").post("/agents", Api.json(Map.of("name", "X"))).problem(403, null);
  }

  @Test
  void contactLifecycleEmitsItsEvents() {
    long before = lastSequence();
    var c = api.post("/contacts", Api.json(Map.of("name", "Maria", "email", "maria@example.com",
        "phone", "+45 20 12 34 56"))).expect(201);
    String id = c.str("/id");
    api.post("/contacts/" + id + "/email-subscription").expect(200);
    api.post("/contacts/" + id + "/email-subscription").problem(409, null);
    api.post("/contacts/" + id + "/block").expect(200);
    api.post("/contacts/" + id + "/block").problem(409, null);
    var deleted = api.delete("/contacts/" + id).expect(200);
    assertThat(deleted.at("/email").isNull()).isTrue();
    assertThat(deleted.str("/deleted_at")).isNotBlank();
    api.post("/contacts/" + id + "/block").problem(404, null);

    List<String> types = new ArrayList<>();
    for (JsonNode e : api.get("/events?limit=500&after=" + before).json().get("data")) {
      if (e.at("/data/contact/id").asText().equals(id)) types.add(e.get("type").asText());
    }
    assertThat(types).containsExactly("contact.created", "contact.subscribed_by_email",
        "contact.blocked", "contact.deleted");
  }

  @Test
  void badContactInputWritesNothing() {
    long before = lastSequence();
    api.post("/contacts", Api.json(Map.of("email", "not-an-email"))).problem(422, "email");
    api.post("/contacts", Api.json(Map.of("phone", "call me"))).problem(422, "phone");
    api.post("/contacts", "{}").problem(422, "name");
    api.post("/contacts", "[1,2]").problem(400, "body");
    api.post("/contacts", "{\"name\": ").problem(400, "body");
    assertThat(lastSequence()).isEqualTo(before);
  }

  @Test
  void bodiesOverOneMebibyteAre413() {
    String big = "{\"name\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    api.post("/contacts", big).problem(413, null);
  }

  @Test
  void sourcesAreUniquePerWorkspace() {
    api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    api.post("/sources", Api.json(Map.of("key", "website", "name", "Again"))).problem(409, null);
    api.post("/sources", Api.json(Map.of("key", "Web Site", "name", "Bad"))).problem(422, "key");
    assertThat(api.get("/sources").expect(200).json().get("data").findValuesAsText("key")).contains("website");
    assertThat(api.get("/sources/website").expect(200).str("/name")).isEqualTo("Website");
    api.get("/sources/nope").problem(404, null);
  }

  @Test
  void shortListsArePagedLikeTheOthers() {
    api.post("/sources", Api.json(Map.of("key", "app", "name", "App"))).expect(201);
    api.post("/sources", Api.json(Map.of("key", "mail", "name", "Mail"))).expect(201);
    var first = api.get("/sources?limit=1").expect(200);
    String cursor = first.str("/next_cursor");
    assertThat(cursor).isNotBlank();
    var second = api.get("/sources?limit=1&cursor=" + cursor).expect(200);
    assertThat(second.at("/data/0/key").asText()).isGreaterThan(first.at("/data/0/key").asText());

    var types = api.get("/event-types?limit=10").expect(200);
    assertThat(types.at("/data").size()).isEqualTo(10);
    List<String> all = new ArrayList<>();
    types.json().get("data").forEach(t -> all.add(t.get("type").asText()));
    String next = types.str("/next_cursor");
    while (next != null) {
      var page = api.get("/event-types?limit=10&cursor=" + next).expect(200);
      page.json().get("data").forEach(t -> all.add(t.get("type").asText()));
      next = page.at("/next_cursor").isNull() ? null : page.str("/next_cursor");
    }
    assertThat(all).doesNotHaveDuplicates().isSorted()
        .contains("ticket.created", "chat.assignment_requested", "delivery.exhausted");
    api.get("/event-types?limit=501").problem(422, "limit");
  }

  private static long lastSequence() {
    long seq = 0;
    String cursor = "0";
    while (cursor != null) {
      var page = api.get("/events?limit=500&after=" + cursor).expect(200);
      for (JsonNode e : page.json().get("data")) seq = e.get("sequence").asLong();
      cursor = page.json().get("next_cursor").isNull() ? null : page.str("/next_cursor");
    }
    return seq;
  }
}
