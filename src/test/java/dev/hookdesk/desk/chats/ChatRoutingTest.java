package dev.hookdesk.desk.chats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DbTest
class ChatRoutingTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void newChatGoesToTheLeastBusyOnlineHuman() {
    Desk d = Desk.fresh(node);
    String busy = d.agent("Busy", "online", 5);
    d.chat("First");          // busy takes it: the only agent
    String idle = d.agent("Idle", "online", 5);
    d.agent("Away", "away", 5);
    d.bot("Botty");

    var created = d.newChat("Maria").expect(201);
    String chatId = created.str("/id");
    assertThat(chatId).startsWith("cht_");
    assertThat(created.str("/status")).isEqualTo("handled");
    assertThat(created.str("/participants/0/id")).isEqualTo(idle);
    assertThat(d.load(idle)).isEqualTo(1);
    assertThat(d.load(busy)).isEqualTo(1);
    assertThat(d.typesOf(chatId)).containsExactly("chat.created", "chat.status_changed",
        "chat.assigned", "chat.status_changed");
    var assigned = d.last("chat.assigned");
    assertThat(assigned.at("/data/agent/id").asText()).isEqualTo(idle);
    assertThat(assigned.at("/actor/type").asText()).isEqualTo("system");
    var changed = d.last("chat.status_changed");
    assertThat(changed.at("/data/previous_status").asText()).isEqualTo("created");
    assertThat(changed.at("/data/status").asText()).isEqualTo("handled");
    assertThat(changed.at("/data/past_statuses").toString()).isEqualTo("[\"created\"]");
    var stored = node.node().database().read(h -> h.createQuery(
        "SELECT source FROM events WHERE type = 'chat.assigned' ORDER BY sequence DESC LIMIT 1")
        .mapTo(String.class).one());
    assertThat(stored).isEqualTo("website");
  }

  @Test
  void withoutAgentsTheChatWaitsUntilOneComesOnline() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "offline", 1);
    d.bot("Never picked");
    String first = d.chat("Early");
    String second = d.chat("Later");
    assertThat(d.typesOf(first)).containsExactly("chat.created", "chat.status_changed",
        "chat.no_agents_available");
    assertThat(d.api.get("/chats/" + first).expect(200).str("/status")).isEqualTo("created");

    d.api.patch("/agents/" + ana, Api.json(Map.of("status", "online"))).expect(200);
    // room for one: the oldest waiting chat wins
    assertThat(d.api.get("/chats/" + first).str("/participants/0/id")).isEqualTo(ana);
    assertThat(d.api.get("/chats/" + second).str("/status")).isEqualTo("created");
    assertThat(d.typesOf(first)).endsWith("chat.assigned", "chat.status_changed");

    // more room takes the next one
    d.api.patch("/agents/" + ana, Api.json(Map.of("max_chats", 2))).expect(200);
    assertThat(d.api.get("/chats/" + second).str("/status")).isEqualTo("handled");
    assertThat(d.load(ana)).isEqualTo(2);
  }

  @Test
  void fullAgentsAreSkippedAndClosingFreesTheSeatForAWaitingChat() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 1);
    String one = d.chat("One");
    String two = d.chat("Two");
    assertThat(d.api.get("/chats/" + one).str("/participants/0/id")).isEqualTo(ana);
    assertThat(d.typesOf(two)).contains("chat.no_agents_available");
    assertThat(d.load(ana)).isEqualTo(1);

    d.api.post("/chats/" + one + "/close", "{}").expect(200);
    assertThat(d.api.get("/chats/" + two).str("/participants/0/id")).isEqualTo(ana);
    assertThat(d.load(ana)).isEqualTo(1);
  }

  @Test
  void aChatItsLastAgentLeftWaitsAndGoesToTheNextAgentWithRoom() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 1);
    String chat = d.chat("Leftbehind");
    assertThat(d.api.get("/chats/" + chat).str("/participants/0/id")).isEqualTo(ana);

    // Ana leaves and goes away: nobody else has room, so the chat waits
    d.api.patch("/agents/" + ana, Api.json(Map.of("status", "away"))).expect(200);
    d.api.delete("/chats/" + chat + "/participants/" + ana).expect(200);
    assertThat(d.api.get("/chats/" + chat).json().get("participants")).isEmpty();
    assertThat(d.typesOf(chat)).endsWith("chat.agent_left", "chat.no_agents_available");

    String bo = d.agent("Bo", "online", 1);
    assertThat(d.api.get("/chats/" + chat).str("/participants/0/id")).isEqualTo(bo);
    assertThat(d.typesOf(chat)).endsWith("chat.assigned");
    assertThat(d.load(bo)).isEqualTo(1);
  }

  @Test
  void botsAreNeverPickedByBuiltInRouting() {
    Desk d = Desk.fresh(node);
    d.bot("Helper bot");
    String chat = d.chat("Nobody");
    assertThat(d.api.get("/chats/" + chat).at("/participants").size()).isZero();
    assertThat(d.typesOf(chat)).contains("chat.no_agents_available").doesNotContain("chat.assigned");
  }

  @Test
  void concurrentChatsNeverOverfillAnAgent() throws Exception {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 3);
    var threads = new java.util.ArrayList<Thread>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      threads.add(Thread.ofVirtual().start(() -> d.chat("Rush" + n)));
    }
    for (Thread t : threads) t.join();
    assertThat(d.load(ana)).isEqualTo(3);
    assertThat(d.api.get("/chats?status=handled").json().get("data").size()).isEqualTo(3);
    assertThat(d.api.get("/chats?status=created").json().get("data").size()).isEqualTo(5);
  }
}
