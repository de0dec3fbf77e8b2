package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.StandardWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §8's bot webhooks: an app creates a bot agent with its installation token (chats:write);
 * the bot's calls are sent to the app's bot webhook, signed with its secret, and its answers are
 * posted into the chat; the app's only_my_chats webhook hears only the chats its bot is in.
 */
@DbTest
class AppBotWebhookTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String REDIRECT = "http://127.0.0.1:9/callback";
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api owner = node.admin();

  /** The app's bot service: answers chat.message_received with one message, anything else with nothing. */
  static Receiver botService() {
    Receiver bot = Receiver.http();
    bot.respond(r -> Receiver.Reply.of(200, r.json().get("type").asText().equals("chat.message_received")
        ? "{\"messages\":[{\"text\":\"CRM bot: your order ships today\"}]}" : ""));
    return bot;
  }

  @Test
  void anAppsBotIsCalledAtItsBotWebhookAndItsAnswersArePosted() throws Exception {
    try (Receiver bot = botService(); Receiver mine = Receiver.answering(200)) {
      Installer installer = new Installer(node, owner, REDIRECT);
      OAuthClient app = installer.register("chats:read", "chats:write");
      Api client = owner.asClient(app.clientId, app.clientSecret);
      String botSecret = client.post("/apps/" + app.appId + "/webhooks", Api.json(Map.of("url", bot.url("/bot"),
          "events", List.of("chat.*"), "type", "bot"))).expect(201).str("/secret");
      String mineHook = client.post("/apps/" + app.appId + "/webhooks", Api.json(Map.of("url", mine.url(),
          "events", List.of("chat.*"), "type", "workspace", "filters", Map.of("only_my_chats", true))))
          .expect(201).str("/id");

      var w = owner.post("/workspaces", Api.json(Map.of("name", "Shop"))).expect(201);
      Api admin = owner.as(w.str("/admin_token"));
      admin.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
      admin.post("/sources", Api.json(Map.of("key", "phone", "name", "Phone"))).expect(201);
      var tokens = installer.install(app, installer.signedInAdmin(admin), "chats:read chats:write");
      Api appToken = owner.as(tokens.str("/access_token"));

      // the app's own bot: kind bot only, no webhook_url of its own
      appToken.post("/agents", Api.json(Map.of("name", "Human?", "kind", "human"))).problem(422, "kind");
      appToken.post("/agents", Api.json(Map.of("name", "Bot", "kind", "bot", "webhook_url", bot.url("/bot"))))
          .problem(422, null);
      var created = appToken.post("/agents", Api.json(Map.of("name", "CRM bot", "kind", "bot",
          "status", "online", "max_chats", 20))).expect(201);
      String botId = created.str("/id");
      assertThat(created.str("/app_id")).isEqualTo(app.appId);
      admin.put("/agents/" + botId + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);

      String withBot = admin.post("/chats", Api.json(Map.of("source", "website", "type", "request",
          "contact", Map.of("name", "Maria")))).expect(201).str("/id");
      assertThat(admin.get("/chats/" + withBot).expect(200).at("/participants/0/id").asText()).isEqualTo(botId);
      String without = admin.post("/chats", Api.json(Map.of("source", "phone", "type", "request",
          "contact", Map.of("name", "Kim")))).expect(201).str("/id");
      admin.post("/chats/" + without + "/messages", Api.json(Map.of("author_type", "contact", "text", "hi?")))
          .expect(201);
      admin.post("/chats/" + withBot + "/messages", Api.json(Map.of("author_type", "contact",
          "text", "where is my order?"))).expect(201);

      TestNode.await("the bot's answer in the chat", 10_000, () -> botTexts(admin, withBot)
          .contains("CRM bot: your order ships today"));
      Receiver.Request asked = bot.requests().stream()
          .filter(c -> c.json().get("type").asText().equals("chat.message_received")).findFirst().orElseThrow();
      assertThat(StandardWebhooks.verifies(botSecret, asked.header("webhook-id"),
          asked.header("webhook-timestamp"), asked.header("webhook-signature"), asked.bytes()))
          .as("signed with the bot webhook's secret").isTrue();
      assertThat(asked.json().at("/data/chat/id").asText()).isEqualTo(withBot);
      assertThat(asked.json().at("/data/message/text").asText()).as("http: personal fields redacted")
          .isEqualTo("[redacted]");
      assertThat(bot.requests()).allMatch(c -> c.json().at("/data/chat/id").asText().equals(withBot))
          .noneMatch(c -> c.json().at("/actor/id").asText().equals(botId));
      JsonNode reply = last(admin, "chat.message_sent", withBot);
      assertThat(reply.at("/actor/id").asText()).isEqualTo(botId);
      assertThat(reply.at("/data/message/author_type").asText()).isEqualTo("bot");

      // only_my_chats: the chat the app's bot is in, never the other one
      String replyEvent = reply.get("id").asText();
      TestNode.await("the bot's reply heard by only_my_chats", 10_000,
          () -> deliveredEvents(mineHook).contains(replyEvent));
      List<String> delivered = deliveredEvents(mineHook);
      assertThat(eventsOf(admin, withBot)).filteredOn(delivered::contains).isNotEmpty();
      assertThat(eventsOf(admin, without)).noneMatch(delivered::contains);

      // switched off in the workspace: the bot is not called any more
      appToken.post("/apps/" + app.appId + "/webhooks/disable").expect(200);
      admin.post("/chats/" + withBot + "/messages", Api.json(Map.of("author_type", "contact", "text", "hello?")))
          .expect(201);
      String quiet = last(admin, "chat.message_received", withBot).get("id").asText();
      assertThat(botCallsOf(admin, botId)).doesNotContain(quiet);
    }
  }

  @Test
  void onlyAnInstallationWithChatsWriteCreatesBotsAndOnlyItsOwnAreChanged() throws Exception {
    Installer installer = new Installer(node, owner, REDIRECT);
    OAuthClient reader = installer.register("chats:read");
    OAuthClient writer = installer.register("chats:write");
    var w = owner.post("/workspaces", Api.json(Map.of("name", "Bots"))).expect(201);
    Api admin = owner.as(w.str("/admin_token"));
    var signedIn = installer.signedInAdmin(admin);
    Api readerToken = owner.as(installer.install(reader, signedIn, "chats:read").str("/access_token"));
    Api writerToken = owner.as(installer.install(writer, signedIn, "chats:write").str("/access_token"));
    String bot = Api.json(Map.of("name", "Bot", "kind", "bot"));
    readerToken.post("/agents", bot).problem(403, null);
    String own = writerToken.post("/agents", bot).expect(201).str("/id");
    String human = admin.post("/agents", Api.json(Map.of("name", "Ana"))).expect(201).str("/id");
    assertThat(writerToken.patch("/agents/" + own, Api.json(Map.of("status", "online"))).expect(200)
        .str("/status")).isEqualTo("online");
    writerToken.patch("/agents/" + own, Api.json(Map.of("webhook_url", "http://127.0.0.1:9/x"))).problem(403, null);
    writerToken.patch("/agents/" + human, Api.json(Map.of("status", "online"))).problem(404, null);
    node.withRole("agent").post("/agents", bot).problem(403, null);
  }

  static List<String> botTexts(Api admin, String chatId) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : admin.get("/chats/" + chatId + "/messages").expect(200).at("/data")) {
      if (m.get("author_type").asText().equals("bot")) out.add(m.get("text").asText());
    }
    return out;
  }

  static JsonNode last(Api admin, String type, String chatId) {
    JsonNode found = null;
    for (JsonNode e : admin.get("/events?type=" + type + "&limit=500").expect(200).at("/data")) {
      if (e.at("/data/chat/id").asText().equals(chatId)) found = e;
    }
    if (found == null) throw new AssertionError("no " + type + " of " + chatId);
    return found;
  }

  static List<String> eventsOf(Api admin, String chatId) {
    return StreamSupport.stream(admin.get("/events?limit=500").expect(200).at("/data").spliterator(), false)
        .filter(e -> e.at("/data/chat/id").asText().equals(chatId)).map(e -> e.get("id").asText()).toList();
  }

  static List<String> deliveredEvents(String hookId) {
    return owner.get("/webhooks/" + hookId + "/deliveries?limit=500").expect(200).json().get("data")
        .findValuesAsText("event_id");
  }

  static List<String> botCallsOf(Api admin, String botId) {
    return admin.get("/agents/" + botId + "/deliveries?limit=500").expect(200).json().get("data")
        .findValuesAsText("event_id");
  }
}
