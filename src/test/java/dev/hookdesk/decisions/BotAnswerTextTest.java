package dev.hookdesk.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A bot's reply with NUL characters is posted without them (no database holds NUL in text alike). */
@DbTest
class BotAnswerTextTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void nulCharactersAreStrippedFromABotsMessages() throws Exception {
    Workspace w = Workspace.fresh(node);
    try (Receiver service = Workspace.service()) {
      service.respond(r -> r.json().get("type").asText().equals("chat.message_received")
          ? Receiver.Reply.json(200, "{\"messages\":[{\"text\":\"hel\\u0000lo\"},{\"text\":\"\\u0000\"},"
              + "{\"text\":\"again\"}]}")
          : Receiver.Reply.json(200, ""));
      String bot = w.api.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot", "status", "online",
          "max_chats", 20, "webhook_url", service.url()))).expect(201).str("/id");
      w.api.put("/agents/" + bot + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);
      String id = w.chat("Maria").get("id").asText();

      w.api.post("/chats/" + id + "/messages", Api.json(Map.of("author_type", "contact", "text", "hi")))
          .expect(201);

      // a message of nothing but NUL is dropped; the ones around it are posted
      TestNode.await("the bot's replies", 5000, () -> w.botTexts(id).size() == 2);
      assertThat(w.botTexts(id)).containsExactly("hello", "again");
    }
  }
}
