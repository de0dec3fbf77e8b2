package dev.hookdesk.desk.chats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input is a 422 naming the field, wrong state a 409, other workspaces' ids a 404; none writes. */
@DbTest
class ChatRulesTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void invalidNewChatsNameTheFieldAndWriteNothing() {
    Desk d = Desk.fresh(node);
    int before = d.count();
    d.api.post("/chats", Api.json(Map.of("source", "carrier_pigeon", "contact", Map.of("name", "X"))))
        .problem(422, "source");
    d.api.post("/chats", Api.json(Map.of("source", "website"))).problem(422, "contact_id");
    d.api.post("/chats", Api.json(Map.of("source", "website", "contact_id", "con_nope"))).problem(422, "contact_id");
    d.api.post("/chats", Api.json(Map.of("source", "website", "type", "pull", "contact", Map.of("email", "bad"))))
        .problem(422, "type").problem(422, "contact.email");
    d.api.post("/chats", Api.json(Map.of("source", "website", "contact", Map.of("name", "X"), "colour", "red")))
        .problem(422, "colour");
    assertThat(d.count()).isEqualTo(before);
    assertThat(d.api.get("/chats").at("/data").size()).isZero();
    assertThat(d.api.get("/contacts").at("/data").size()).isZero();
  }

  @Test
  void blockedContactsCannotStartChats() {
    Desk d = Desk.fresh(node);
    String con = d.api.post("/contacts", Api.json(Map.of("name", "Troll", "email", "troll@example.com")))
        .expect(201).str("/id");
    d.api.post("/contacts/" + con + "/block").expect(200);
    int before = d.count();
    var r = d.api.post("/chats", Api.json(Map.of("source", "website", "contact_id", con))).problem(409, null);
    assertThat(r.str("/detail")).contains("blocked");
    d.newChat("Troll").problem(409, null); // the same person by email
    assertThat(d.count()).isEqualTo(before);
  }

  @Test
  void messagesAreCheckedAgainstTheChat() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 3);
    String outsider = d.agent("Outsider", "offline", 3);
    String bot = d.bot("Botty");
    String id = d.chat("Lee");
    int before = d.count();
    String path = "/chats/" + id + "/messages";
    d.api.post(path, Api.json(Map.of("author_type", "agent", "text", "hi"))).problem(422, "author_id");
    d.api.post(path, Api.json(Map.of("author_type", "agent", "author_id", "agt_nope", "text", "hi"))).problem(422, "author_id");
    d.api.post(path, Api.json(Map.of("author_type", "agent", "author_id", bot, "text", "hi"))).problem(422, "author_id");
    d.api.post(path, Api.json(Map.of("author_type", "contact", "author_id", "con_other", "text", "hi"))).problem(422, "author_id");
    d.api.post(path, Api.json(Map.of("author_type", "robot", "text", ""))).problem(422, "author_type").problem(422, "text");
    d.api.post(path, Api.json(Map.of("author_type", "agent", "author_id", outsider, "text", "hi"))).problem(409, null);
    assertThat(d.count()).isEqualTo(before);

    d.api.post("/chats/" + id + "/participants", Api.json(Map.of("agent_id", bot))).expect(200);
    d.say(id, "bot", bot, "I am a bot.");
    d.say(id, "agent", ana, "And I am Ana.");
  }

  @Test
  void participantsInvitationsAndOtherBodiesAreChecked() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 3);
    String ben = d.agent("Ben", "offline", 3);
    String id = d.chat("Kim");
    int before = d.count();
    String chat = "/chats/" + id;
    d.api.post(chat + "/participants", Api.json(Map.of("agent_id", "agt_nope"))).problem(422, "agent_id");
    d.api.post(chat + "/participants", Api.json(Map.of("agent_id", ana))).problem(409, null);
    d.api.delete(chat + "/participants/" + ben).problem(409, null);
    d.api.delete(chat + "/participants/agt_nope").problem(404, null);
    d.api.post(chat + "/invitations", Api.json(Map.of())).problem(422, "agent_id");
    d.api.post(chat + "/invitations", Api.json(Map.of("agent_id", ana))).problem(409, null);
    d.api.post(chat + "/invitations/inv_nope/accept").problem(404, null);
    d.api.post(chat + "/actions", Api.json(Map.of("name", "x", "by", "robot"))).problem(422, "by");
    d.api.post(chat + "/actions", Api.json(Map.of("name", "x", "by", "agent", "data", 3))).problem(422, "data");
    d.api.post(chat + "/callback", Api.json(Map.of("type", "phone"))).problem(422, "phone");
    d.api.post(chat + "/callback", Api.json(Map.of("type", "chat", "preferred_time", "tomorrow"))).problem(422, "preferred_time");
    d.api.post(chat + "/rating", Api.json(Map.of("score", 6))).problem(422, "score");
    d.api.post(chat + "/rating", Api.json(Map.of("score", 5))).problem(409, null);
    d.api.post(chat + "/transcript", Api.json(Map.of("email", "nope"))).problem(422, "email");
    d.api.put(chat + "/copilot", Api.json(Map.of())).problem(422, "enabled");
    d.api.get("/chats?status=lost").problem(422, "status");
    assertThat(d.count()).isEqualTo(before);

    String inv = d.api.post(chat + "/invitations", Api.json(Map.of("agent_id", ben))).expect(201).str("/id");
    d.api.post(chat + "/invitations", Api.json(Map.of("agent_id", ben))).problem(409, null);
    d.api.post(chat + "/close").expect(200);
    d.api.post(chat + "/invitations/" + inv + "/accept").problem(409, null);
    d.api.put(chat + "/copilot", Api.json(Map.of("enabled", true))).problem(409, null);
    d.api.post(chat + "/participants", Api.json(Map.of("agent_id", ben))).problem(409, null);
  }

  @Test
  void anotherWorkspacesChatsAreNotFound() {
    Desk mine = Desk.fresh(node);
    Desk theirs = Desk.fresh(node);
    String id = theirs.chat("Private");
    String inv = "inv_nope";
    mine.api.get("/chats/" + id).problem(404, null);
    mine.api.get("/chats/cht_nope").problem(404, null);
    mine.api.get("/chats/" + id + "/messages").problem(404, null);
    mine.api.post("/chats/" + id + "/messages", Api.json(Map.of("author_type", "contact", "text", "hi"))).problem(404, null);
    mine.api.post("/chats/" + id + "/close").problem(404, null);
    mine.api.post("/chats/" + id + "/abandon").problem(404, null);
    mine.api.post("/chats/" + id + "/invitations/" + inv + "/reject").problem(404, null);
    assertThat(mine.api.get("/chats").at("/data").size()).isZero();
    // and their agents are unknown here
    String theirAgent = theirs.agent("Theirs", "online", 3);
    String myChat = mine.chat("Mine");
    mine.api.post("/chats/" + myChat + "/participants", Api.json(Map.of("agent_id", theirAgent))).problem(422, "agent_id");
    assertThat(theirs.api.get("/chats/" + id).str("/status")).isEqualTo("handled");
  }
}
