package dev.hookdesk.desk.chats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DbTest
class ChatLifecycleTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aChatFromFirstMessageToRating() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 2);
    String ben = d.agent("Ben", "online", 5);
    d.chat("Warmup"); // Ana or Ben; the next chat goes to the other
    var created = d.api.post("/chats", Api.json(Map.of("source", "website", "type", "push",
        "contact", Map.of("name", "Maria", "email", "maria@example.com", "phone", "+45 20 12 34 56"),
        "message", "Where is my parcel?", "reference", "tkt_01jd3v6a0s0000000000000009"))).expect(201);
    String id = created.str("/id");
    String first = created.str("/participants/0/id");
    String other = first.equals(ana) ? ben : ana;
    assertThat(created.str("/type")).isEqualTo("push");
    assertThat(created.str("/source")).isEqualTo("website");
    assertThat(created.str("/creator/email")).isEqualTo("maria@example.com");
    assertThat(created.str("/reference")).startsWith("tkt_");
    assertThat(created.str("/last_message_id")).startsWith("msg_");
    assertThat(created.at("/report/creator_wait_ms").isNull()).isTrue();
    assertThat(d.typesOf(id)).containsExactly("chat.created", "chat.status_changed",
        "chat.message_received", "chat.assigned", "chat.status_changed");
    var received = d.last("chat.message_received");
    assertThat(received.at("/data/message/text").asText()).isEqualTo("Where is my parcel?");
    assertThat(received.at("/actor/type").asText()).isEqualTo("contact");

    d.say(id, "agent", first, "Let me check.");
    var sent = d.last("chat.message_sent");
    assertThat(sent.at("/data/message/author_id").asText()).isEqualTo(first);
    assertThat(sent.at("/data/chat/report/creator_wait_ms").asLong()).isGreaterThanOrEqualTo(0);
    d.say(id, "system", null, "Ana is looking at your order.");

    // an invitation, accepted: the agent joins
    var inv = d.api.post("/chats/" + id + "/invitations", Api.json(Map.of("agent_id", other))).expect(201);
    String invId = inv.str("/id");
    assertThat(invId).startsWith("inv_");
    assertThat(d.api.get("/chats/" + id).at("/invitations/0/id").asText()).isEqualTo(invId);
    int otherLoad = d.load(other);
    d.api.post("/chats/" + id + "/invitations/" + invId + "/accept").expect(200);
    assertThat(d.load(other)).isEqualTo(otherLoad + 1);
    var chat = d.api.get("/chats/" + id).expect(200);
    assertThat(chat.at("/participants").size()).isEqualTo(2);
    assertThat(chat.at("/invitations").size()).isZero();
    d.api.post("/chats/" + id + "/invitations/" + invId + "/reject").problem(409, null);

    // leaving keeps them in all_participants and frees their seat
    d.api.delete("/chats/" + id + "/participants/" + other).expect(200);
    assertThat(d.load(other)).isEqualTo(otherLoad);
    chat = d.api.get("/chats/" + id).expect(200);
    assertThat(chat.at("/participants").size()).isEqualTo(1);
    assertThat(chat.at("/all_participants").size()).isEqualTo(2);
    d.api.post("/chats/" + id + "/participants", Api.json(Map.of("agent_id", other))).expect(200);
    assertThat(d.last("chat.agent_joined").at("/data/agent/id").asText()).isEqualTo(other);

    // a second invitation, rejected
    String cai = d.agent("Cai", "online", 1);
    String inv2 = d.api.post("/chats/" + id + "/invitations", Api.json(Map.of("agent_id", cai))).expect(201).str("/id");
    d.api.post("/chats/" + id + "/invitations/" + inv2 + "/reject").expect(200);
    d.api.post("/chats/" + id + "/invitations/" + inv2 + "/accept").problem(409, null);
    assertThat(d.last("chat.invitation_rejected").at("/data/invitation/status").asText()).isEqualTo("rejected");

    var action = d.api.post("/chats/" + id + "/actions",
        Api.json(Map.of("name", "order_form_submitted", "by", "contact", "data", Map.of("order", "4521")))).expect(201);
    assertThat(action.str("/name")).isEqualTo("order_form_submitted");
    assertThat(d.last("chat.action").at("/data/action/data/order").asText()).isEqualTo("4521");

    d.api.put("/chats/" + id + "/copilot", Api.json(Map.of("enabled", true))).expect(200);
    assertThat(d.api.get("/chats/" + id).at("/copilot_enabled").asBoolean()).isTrue();
    d.api.put("/chats/" + id + "/copilot", Api.json(Map.of("enabled", false))).expect(200);

    int loadBefore = d.load(first);
    var closed = d.api.post("/chats/" + id + "/close", Api.json(Map.of("note", "Parcel resent"))).expect(200);
    assertThat(closed.str("/status")).isEqualTo("completed");
    assertThat(closed.at("/past_statuses").toString()).isEqualTo("[\"created\",\"handled\"]");
    assertThat(closed.str("/close_record/reason")).isEqualTo("closed");
    assertThat(closed.str("/close_record/note")).isEqualTo("Parcel resent");
    assertThat(closed.at("/participants").size()).isZero();
    assertThat(closed.at("/report/duration_ms").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(closed.at("/report/handled_ms").isNumber()).isTrue();
    assertThat(closed.str("/closed_at")).isNotBlank();
    assertThat(d.load(first)).isEqualTo(loadBefore - 1);
    d.api.post("/chats/" + id + "/close").problem(409, null);
    d.api.post("/chats/" + id + "/messages", Api.json(Map.of("author_type", "contact", "text", "hi?"))).problem(409, null);

    var rated = d.api.post("/chats/" + id + "/rating", Api.json(Map.of("score", 5, "comment", "Great"))).expect(200);
    assertThat(rated.at("/rating/score").asInt()).isEqualTo(5);
    d.api.post("/chats/" + id + "/rating", Api.json(Map.of("score", 4))).problem(409, null);

    var transcript = d.api.post("/chats/" + id + "/transcript", Api.json(Map.of("email", "maria@example.com"))).expect(200);
    assertThat(transcript.at("/messages").size()).isEqualTo(3);

    assertThat(d.typesOf(id)).contains("chat.message_sent", "chat.invitation_received",
        "chat.invitation_accepted", "chat.agent_joined", "chat.agent_left", "chat.invitation_rejected",
        "chat.action", "chat.copilot_enabled", "chat.copilot_disabled", "chat.closed", "chat.rated",
        "chat.transcript_sent");
    assertThat(d.last("chat.transcript_sent").at("/data/transcript/messages/0/text").asText())
        .isEqualTo("Where is my parcel?");
  }

  @Test
  void anUnansweredChatTheContactLeavesIsMissed() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 2);
    String id = d.chat("Quiet");
    d.say(id, "contact", null, "Hello?");
    var missed = d.api.post("/chats/" + id + "/abandon").expect(200);
    assertThat(missed.str("/status")).isEqualTo("missed");
    assertThat(missed.str("/close_record/reason")).isEqualTo("contact_left");
    assertThat(d.load(ana)).isZero();
    assertThat(d.typesOf(id)).endsWith("chat.missed", "chat.status_changed");
    assertThat(d.last("chat.status_changed").at("/data/past_statuses").toString())
        .isEqualTo("[\"created\",\"handled\"]");
    d.api.post("/chats/" + id + "/rating", Api.json(Map.of("score", 1))).problem(409, null);
    d.api.post("/chats/" + id + "/abandon").problem(409, null);
  }

  @Test
  void anAnsweredChatTheContactLeavesIsClosed() {
    Desk d = Desk.fresh(node);
    String ana = d.agent("Ana", "online", 2);
    String id = d.chat("Talker");
    d.say(id, "agent", ana, "How can I help?");
    var closed = d.api.post("/chats/" + id + "/abandon").expect(200);
    assertThat(closed.str("/status")).isEqualTo("completed");
    assertThat(d.typesOf(id)).endsWith("chat.closed", "chat.status_changed");
    assertThat(d.last("chat.closed").at("/data/close_record/closed_by/type").asText()).isEqualTo("contact");
  }

  @Test
  void aCallbackRequestMovesTheChatToCallback() {
    Desk d = Desk.fresh(node);
    var r = d.api.post("/chats", Api.json(Map.of("source", "website",
        "contact", Map.of("name", "Phone", "phone", "+1 555 0100")))).expect(201);
    String id = r.str("/id");
    var cb = d.api.post("/chats/" + id + "/callback", Api.json(Map.of("type", "phone",
        "note", "after 3pm", "preferred_time", "2026-11-21T15:00:00Z"))).expect(200);
    assertThat(cb.str("/status")).isEqualTo("callback");
    assertThat(cb.str("/callback/phone")).isEqualTo("+1 555 0100");
    assertThat(cb.str("/callback/preferred_time")).isEqualTo("2026-11-21T15:00:00.000Z");
    assertThat(d.typesOf(id)).endsWith("chat.callback_requested", "chat.status_changed");
    d.api.post("/chats/" + id + "/callback", Api.json(Map.of("type", "chat"))).problem(409, null);
    // an agent coming online does not take a chat that waits for a callback
    String ana = d.agent("Ana", "online", 2);
    assertThat(d.load(ana)).isZero();
    d.api.post("/chats/" + id + "/close").expect(200);
  }

  @Test
  void chatsAreListedAndFilteredByStatus() {
    Desk d = Desk.fresh(node);
    String a = d.chat("A");
    String b = d.chat("B");
    d.api.post("/chats/" + b + "/close").expect(200);
    var page = d.api.get("/chats?limit=1").expect(200);
    assertThat(page.at("/data/0/id").asText()).isEqualTo(a);
    var next = d.api.get("/chats?limit=1&cursor=" + page.str("/next_cursor")).expect(200);
    assertThat(next.at("/data/0/id").asText()).isEqualTo(b);
    var completed = d.api.get("/chats?status=completed").expect(200);
    assertThat(completed.at("/data").size()).isEqualTo(1);
    assertThat(completed.at("/data/0/id").asText()).isEqualTo(b);
    var messages = d.api.get("/chats/" + a + "/messages").expect(200);
    assertThat(messages.at("/data").size()).isZero();
  }

  @Test
  void messagesArePagedOldestFirst() {
    Desk d = Desk.fresh(node);
    String id = d.chat("Paged");
    for (String text : List.of("one", "two", "three")) d.say(id, "contact", null, text);
    var first = d.api.get("/chats/" + id + "/messages?limit=2").expect(200);
    assertThat(first.json().get("data").findValuesAsText("text")).containsExactly("one", "two");
    var rest = d.api.get("/chats/" + id + "/messages?limit=2&cursor=" + first.str("/next_cursor")).expect(200);
    assertThat(rest.json().get("data").findValuesAsText("text")).containsExactly("three");
    assertThat(rest.at("/next_cursor").isNull()).isTrue();
    d.api.get("/chats/" + id + "/messages?limit=0").problem(422, "limit");
  }
}
