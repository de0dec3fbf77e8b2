package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bot call survives a SIGKILL between the chat event's commit and the bot's answer. */
class BotCallCrashTest {
  @Test
  void aBotCallHeldWhenTheNodeIsKilledIsMadeAgainAfterRestartAndItsReplyPosted() throws Exception {
    Path dataDir = Files.createTempDirectory("hookdesk-bot-crash");
    Map<String, String> settings = NodeProcess.settings(dataDir);
    settings.put("HOOKDESK_NODE_TIMEOUT_SECONDS", "2");
    try (Receiver bot = bot()) {
      String chatId;
      try (NodeProcess node = NodeProcess.start(settings)) {
        Api api = node.api();
        api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
        String botId = api.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot",
            "status", "online", "max_chats", 5, "webhook_url", bot.url("/bot")))).expect(201).str("/id");
        api.put("/agents/" + botId + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);
        chatId = api.post("/chats", Api.json(Map.of("source", "website", "contact",
            Map.of("name", "Maria", "email", "maria@example.com")))).expect(201).str("/id");
        // committed: the chat is the bot's; its call about chat.assigned is held by the bot
        TestNode.await("the bot's first call", 30_000, () -> !calls(bot).isEmpty());
        node.kill();
      }
      answerFromNowOn(bot);
      try (NodeProcess restarted = NodeProcess.start(settings)) {
        Api api = restarted.api();
        TestNode.await("the bot's reply in the chat", 60_000, () -> botTexts(api, chatId).contains("hi, I am a bot"));
        List<String> calls = calls(bot);
        assertThat(calls).as("the call after the restart is the same event").hasSizeGreaterThanOrEqualTo(2);
        assertThat(calls.get(calls.size() - 1)).isEqualTo(calls.get(0));
        assertThat(botTexts(api, chatId)).containsExactly("hi, I am a bot");
      }
    }
  }

  private static List<String> botTexts(Api api, String chatId) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : api.get("/chats/" + chatId + "/messages").expect(200).at("/data")) {
      if (m.get("author_type").asText().equals("bot")) out.add(m.get("text").asText());
    }
    return out;
  }

  /** A bot on loopback that holds its calls about chat.assigned until released, and ignores the rest. */
  private static Receiver bot() {
    Receiver bot = Receiver.http();
    bot.respond(r -> assigned(r) ? Receiver.Reply.hang() : Receiver.Reply.of(204, Map.of(), new byte[0]));
    return bot;
  }

  /** From now on the bot answers chat.assigned with a message; the calls held so far are let go. */
  private static void answerFromNowOn(Receiver bot) {
    bot.respond(r -> assigned(r) ? Receiver.Reply.json(200, "{\"messages\":[{\"text\":\"hi, I am a bot\"}]}")
        : Receiver.Reply.of(204, Map.of(), new byte[0]));
    bot.releaseHeld();
  }

  /** The event ids of the bot's calls about chat.assigned, in order. */
  private static List<String> calls(Receiver bot) {
    return bot.requests().stream().filter(BotCallCrashTest::assigned).map(r -> r.json().get("id").asText()).toList();
  }

  private static boolean assigned(Receiver.Request r) {
    return r.json().get("type").asText().equals("chat.assigned");
  }
}
