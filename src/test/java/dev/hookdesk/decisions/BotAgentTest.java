package dev.hookdesk.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DbTest
class BotAgentTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  /** Echoes what the contact writes; "human" asks for a person. */
  static Receiver.Reply echo(Receiver.Request r) {
    if (!r.json().get("type").asText().equals("chat.message_received")) return Receiver.Reply.json(200, "");
    String text = r.json().at("/data/message/text").asText();
    if (text.contains("human")) {
      return Receiver.Reply.json(200, "{\"messages\":[{\"text\":\"Passing you to a colleague.\"}],\"handoff\":true}");
    }
    return Receiver.Reply.json(200, "{\"messages\":[{\"text\":\"echo: " + text + "\"}]}");
  }

  @Test
  void aBotTakesTheChatRepliesAndHandsOffToAHuman() throws Exception {
    Workspace w = Workspace.fresh(node);
    String ana = w.agent("Ana", 3);
    try (Receiver service = Workspace.service()) {
      service.respond(BotAgentTest::echo);
      String bot = bot(w, service.url());
      String secret = w.api.get("/agents/" + bot + "/secret").expect(200).str("/secret");
      w.api.put("/agents/" + bot + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);

      JsonNode chat = w.chat("Maria");
      String id = chat.get("id").asText();
      assertThat(chat.at("/participants/0/id").asText()).isEqualTo(bot);

      w.contactSays(id, "hello");
      TestNode.await("the echo", 5000, () -> w.botTexts(id).contains("echo: hello"));
      w.contactSays(id, "still there?");
      TestNode.await("the second echo", 5000, () -> w.botTexts(id).size() == 2);

      w.contactSays(id, "a human please");
      TestNode.await("the handoff", 5000, () -> w.participants(id).equals(List.of(ana)));
      assertThat(w.botTexts(id)).containsExactly("echo: hello", "echo: still there?",
          "Passing you to a colleague.");
      JsonNode left = w.last("chat.agent_left", id);
      assertThat(left.at("/actor/id").asText()).isEqualTo(bot);
      assertThat(left.at("/data/agent/id").asText()).isEqualTo(bot);
      JsonNode reply = w.last("chat.message_sent", id);
      assertThat(reply.at("/actor/id").asText()).isEqualTo(bot);
      assertThat(reply.at("/data/message/author_type").asText()).isEqualTo("bot");

      // no echo loop: the bot never heard of its own replies or of its own leaving
      for (Receiver.Request r : service.requests()) {
        assertThat(r.json().at("/actor/id").asText()).isNotEqualTo(bot);
        assertThat(r.signedWith(secret)).isTrue();
      }
      assertThat(types(service)).contains("chat.assigned", "chat.message_received")
          .doesNotContain("chat.message_sent", "chat.agent_left");
    }
  }

  @Test
  void aBrokenBotHandsTheChatToAHuman() throws Exception {
    Workspace w = Workspace.fresh(node);
    String ana = w.agent("Ana", 3);
    try (Receiver service = Workspace.service()) {
      service.respond(r -> Receiver.Reply.json(500, ""));
      String bot = bot(w, service.url());
      w.api.put("/agents/" + bot + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);

      String id = w.chat("Maria").get("id").asText();

      // the bot fails on chat.assigned already: a human takes over without the contact writing,
      // once the call's quick retries (1 s, 5 s, 15 s) are spent
      TestNode.await("the handoff", 40_000, () -> w.participants(id).equals(List.of(ana)));
      assertThat(w.last("chat.assigned", id).at("/data/agent/id").asText()).isEqualTo(ana);
    }
  }

  private static String bot(Workspace w, String url) {
    return w.api.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot", "status", "online",
        "max_chats", 20, "webhook_url", url))).expect(201).str("/id");
  }


  private static List<String> types(Receiver s) {
    return s.requests().stream().map(r -> r.json().get("type").asText()).toList();
  }
}
