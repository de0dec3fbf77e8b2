package dev.hookdesk.desk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bot's {@code webhook_url} may carry its receiver's token: only admin tokens read it. Agent
 * and app tokens get the agent without it, and so do events (which agents, apps and webhooks read).
 */
@DbTest
class BotUrlVisibilityTest {
  static final String URL = "http://127.0.0.1:9/bot?token=s3cret-bot-token";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();

  @Test
  void onlyAdminsReadABotsWebhookUrl() {
    String bot = admin.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot", "webhook_url", URL)))
        .expect(201).str("/id");
    assertThat(admin.get("/agents/" + bot).expect(200).str("/webhook_url")).isEqualTo(URL);
    assertThat(admin.get("/agents").expect(200).at("/data").findValuesAsText("webhook_url")).contains(URL);
    assertThat(admin.patch("/agents/" + bot, Api.json(Map.of("name", "Echo 2"))).expect(200)
        .str("/webhook_url")).isEqualTo(URL);

    for (String role : List.of("agent", "app")) {
      Api other = node.withRole(role);
      var one = other.get("/agents/" + bot).expect(200);
      assertThat(one.at("/kind").asText()).as(role).isEqualTo("bot");
      assertThat(one.json().has("webhook_url")).as(role + ": GET /agents/{id}").isFalse();
      assertThat(other.get("/agents").expect(200).text()).as(role + ": GET /agents").doesNotContain("s3cret");
      assertThat(other.patch("/agents/" + bot, Api.json(Map.of("status", "online"))).expect(200).text())
          .as(role + ": PATCH /agents/{id}").doesNotContain("s3cret");
    }
  }

  @Test
  void eventsAboutABotDoNotCarryItsWebhookUrl() {
    admin.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    String bot = admin.post("/agents", Api.json(Map.of("name", "Relay", "kind", "bot", "status", "online",
        "max_chats", 5, "webhook_url", URL))).expect(201).str("/id");
    admin.put("/agents/" + bot + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);
    String chat = admin.post("/chats", Api.json(Map.of("source", "website", "contact", Map.of("name", "Maria"))))
        .expect(201).str("/id");

    var assigned = admin.get("/events?type=chat.assigned").expect(200).at("/data");
    assertThat(assigned.findValuesAsText("id")).as("the bot took the chat").contains(chat, bot);
    assertThat(node.withRole("agent").get("/events?limit=500").expect(200).text()).doesNotContain("s3cret");
  }
}
