package dev.hookdesk.desk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Replies, internal comments and the answered state they drive. */
@DbTest
class TicketConversationTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();
  static Desk desk;

  @BeforeAll
  static void start() {
    desk = new Desk(api);
  }

  private static Api.Res reply(String ticket, String type, String author, String body) {
    return api.post("/tickets/" + ticket + "/replies",
        Api.json(Map.of("author_type", type, "author_id", author, "body", body)));
  }

  @Test
  void repliesFlipAnsweredBackAndForth() {
    String con = desk.contact("Maria", "maria@example.com");
    String agent = desk.agent("Ana");
    String id = desk.ticketId(con);

    long h1 = desk.head();
    var res = reply(id, "agent", agent, "A new kettle ships today.").expect(201);
    assertThat(res.at("/ticket/answered").asBoolean()).isTrue();
    assertThat(res.at("/message/id").asText()).startsWith("msg_");
    assertThat(desk.typesSince(h1)).containsExactly("ticket.agent_replied", "ticket.answered");
    JsonNode replied = desk.only(h1, "ticket.agent_replied");
    assertThat(replied.at("/actor/type").asText()).isEqualTo("agent");
    assertThat(replied.at("/actor/id").asText()).isEqualTo(agent);
    assertThat(replied.at("/data/message/body").asText()).isEqualTo("A new kettle ships today.");
    assertThat(replied.at("/data/message/author_id").asText()).isEqualTo(agent);
    assertThat(replied.at("/data/message/internal").asBoolean()).isFalse();
    assertThat(replied.at("/data/ticket/message_count").asInt()).isEqualTo(2);
    JsonNode answered = desk.only(h1, "ticket.answered");
    assertThat(answered.at("/data/changes/answered/from").asBoolean()).isFalse();
    assertThat(answered.at("/data/changes/answered/to").asBoolean()).isTrue();

    // a second agent reply does not flip anything
    long h2 = desk.head();
    reply(id, "agent", agent, "Tracking number follows.").expect(201);
    assertThat(desk.typesSince(h2)).containsExactly("ticket.agent_replied");

    long h3 = desk.head();
    reply(id, "contact", con, "Thank you!").expect(201);
    assertThat(desk.typesSince(h3)).containsExactly("ticket.customer_replied", "ticket.unanswered");
    JsonNode customer = desk.only(h3, "ticket.customer_replied");
    assertThat(customer.at("/actor/type").asText()).isEqualTo("contact");
    assertThat(customer.at("/actor/id").asText()).isEqualTo(con);
    assertThat(customer.at("/data/changes/answered/to").asBoolean()).isFalse();
    assertThat(desk.only(h3, "ticket.unanswered").at("/data/ticket/answered").asBoolean()).isFalse();
    assertThat(desk.get(id).get("answered").asBoolean()).isFalse();
  }

  @Test
  void aReplyToAClosedTicketReopensIt() {
    String con = desk.contact("Jon", "jon@example.com");
    String id = desk.ticketId(con);
    api.post("/tickets/" + id + "/close").expect(200);

    long head = desk.head();
    reply(id, "contact", con, "It broke again.").expect(201);
    assertThat(desk.typesSince(head)).containsExactly("ticket.customer_replied", "ticket.reopened");
    JsonNode reopened = desk.only(head, "ticket.reopened");
    assertThat(reopened.at("/data/changes/status/from").asText()).isEqualTo("closed");
    assertThat(reopened.at("/actor/id").asText()).isEqualTo(con);
    assertThat(desk.get(id).get("status").asText()).isEqualTo("open");
    assertThat(desk.get(id).get("closed_at").isNull()).isTrue();
  }

  @Test
  void concurrentRepliesToOneTicketAllLandAndFlipAnsweredOnce() throws Exception {
    String con = desk.contact("Rush", "rush@example.com");
    List<String> agents = List.of(desk.agent("A1"), desk.agent("A2"), desk.agent("A3"), desk.agent("A4"));
    String id = desk.ticketId(con);
    long head = desk.head();
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 8; i++) {
        String agent = agents.get(i % agents.size());
        String body = "reply " + i;
        calls.add(CompletableFuture.supplyAsync(() -> reply(id, "agent", agent, body).status(), pool));
      }
      for (var c : calls) assertThat(c.get()).isEqualTo(201);
    }
    JsonNode t = desk.get(id);
    assertThat(t.get("message_count").asInt()).isEqualTo(9);
    assertThat(t.get("messages")).hasSize(9);
    List<String> types = desk.typesSince(head);
    assertThat(types).filteredOn("ticket.agent_replied"::equals).hasSize(8);
    assertThat(types).filteredOn("ticket.answered"::equals).hasSize(1);
  }

  @Test
  void internalCommentsAreNotReplies() {
    String con = desk.contact("Kai", "kai@example.com");
    String agent = desk.agent("Sol");
    String id = desk.ticketId(con);

    long head = desk.head();
    var res = api.post("/tickets/" + id + "/comments",
        Api.json(Map.of("author_id", agent, "body", "VIP customer, be quick."))).expect(201);
    assertThat(res.at("/message/internal").asBoolean()).isTrue();
    assertThat(desk.typesSince(head)).containsExactly("ticket.comment_added");
    JsonNode e = desk.only(head, "ticket.comment_added");
    assertThat(e.at("/actor/id").asText()).isEqualTo(agent);
    assertThat(e.at("/data/message/author_type").asText()).isEqualTo("agent");
    assertThat(e.at("/data/message/internal").asBoolean()).isTrue();
    assertThat(e.at("/data/ticket/comment_count").asInt()).isEqualTo(1);
    assertThat(e.at("/data/ticket/answered").asBoolean()).isFalse();
    assertThat(e.at("/data").has("changes")).isFalse();
  }

  @Test
  void authorsMustBelongToTheTicketAndRejectedPostsWriteNothing() {
    String con = desk.contact("Ulla", "ulla@example.com");
    String stranger = desk.contact("Stranger", "stranger@example.com");
    String agent = desk.agent("Rui");
    String id = desk.ticketId(con);
    long head = desk.head();

    reply(id, "contact", stranger, "hi").problem(422, "author_id");
    reply(id, "agent", "agt_nobody", "hi").problem(422, "author_id");
    reply(id, "bot", agent, "hi").problem(422, "author_type");
    api.post("/tickets/" + id + "/replies", Api.json(Map.of("author_type", "agent", "author_id", agent)))
        .problem(422, "body");
    api.post("/tickets/" + id + "/replies", Api.json(Map.of("author_type", "agent", "author_id", agent,
        "body", "x", "cc", "boss@example.com"))).problem(422, "cc");
    api.post("/tickets/" + id + "/comments", Api.json(Map.of("author_id", con, "body", "note")))
        .problem(422, "author_id");
    api.post("/tickets/" + id + "/comments", Api.json(Map.of("author_id", agent, "body", 7)))
        .problem(422, "body");
    reply("tkt_nothere", "agent", agent, "hi").problem(404, null);

    api.post("/tickets/" + id + "/trash").expect(200);
    long trashed = desk.head();
    reply(id, "agent", agent, "hello?").problem(409, null);
    api.post("/tickets/" + id + "/comments", Api.json(Map.of("author_id", agent, "body", "n")))
        .problem(409, null);
    api.post("/tickets/" + id + "/untrash").expect(200);
    api.post("/tickets/" + id + "/spam").expect(200);
    long spammed = desk.head();
    reply(id, "contact", con, "buy cheap watches").problem(409, null);

    assertThat(desk.typesSince(head)).containsExactly("ticket.trashed", "ticket.untrashed", "ticket.spammed");
    assertThat(desk.since(spammed)).isEmpty();
    assertThat(trashed).isGreaterThan(head);
    JsonNode t = desk.get(id);
    assertThat(t.get("messages")).hasSize(1);
    assertThat(t.get("message_count").asInt()).isEqualTo(1);
  }
}
