package dev.hookdesk.desk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening, reading and listing tickets, and what a bad request gets back. */
@DbTest
class TicketApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();
  static Desk desk;

  @BeforeAll
  static void start() {
    desk = new Desk(api);
  }

  @Test
  void openingATicketForANewPersonCreatesTheContactAndEmitsBothEvents() {
    String queue = desk.queue("Returns");
    long head = desk.head();
    var res = api.post("/tickets", Api.json(Map.of("subject", "Where is my refund?",
        "body", "I sent the shoes back two weeks ago.", "queue_id", queue, "priority", "high",
        "tags", List.of("refund", "shoes", "refund"),
        "requester", Map.of("name", "Noor Haddad", "email", "noor@example.com", "phone", "+31 6 1234 5678"))))
        .expect(201);
    JsonNode t = res.json();
    assertThat(t.get("id").asText()).matches("tkt_[0-9a-z]{26}");
    assertThat(t.get("status").asText()).isEqualTo("open");
    assertThat(t.get("priority").asText()).isEqualTo("high");
    assertThat(t.get("tags")).extracting(JsonNode::asText).containsExactly("refund", "shoes");
    assertThat(t.get("queue_id").asText()).isEqualTo(queue);
    assertThat(t.get("answered").asBoolean()).isFalse();
    assertThat(t.get("assignee_id").isNull()).isTrue();

    assertThat(desk.typesSince(head)).containsExactly("contact.created", "ticket.created");
    JsonNode contact = desk.only(head, "contact.created");
    assertThat(contact.at("/data/contact/email").asText()).isEqualTo("noor@example.com");
    JsonNode created = desk.only(head, "ticket.created");
    assertThat(created.at("/data/ticket")).isEqualTo(t);
    assertThat(created.at("/data/ticket/requester_id").asText()).isEqualTo(contact.at("/data/contact/id").asText());
    assertThat(created.at("/data/message/body").asText()).isEqualTo("I sent the shoes back two weeks ago.");
    assertThat(created.at("/data/message/author_type").asText()).isEqualTo("contact");
    assertThat(created.at("/actor/type").asText()).isEqualTo("agent");
    assertThat(created.at("/actor/via").asText()).isEqualTo("api");

    // the same email again reuses the contact: no second contact.created
    long again = desk.head();
    api.post("/tickets", Api.json(Map.of("subject", "Also: invoice", "body", "Please send the invoice.",
        "requester", Map.of("name", "Noor", "email", "noor@example.com")))).expect(201);
    assertThat(desk.typesSince(again)).containsExactly("ticket.created");
  }

  @Test
  void aBlockedContactsTicketStartsAsSpamAndADeletedContactCannotOpenOne() {
    String blocked = desk.contact("Spammer", "spam@example.com");
    api.post("/contacts/" + blocked + "/block").expect(200);
    JsonNode t = desk.ticket(blocked);
    assertThat(t.get("spam").asBoolean()).isTrue();
    assertThat(ids(api.get("/tickets?status=spam&limit=500"))).contains(t.get("id").asText());

    String gone = desk.contact("Gone", "gone@example.com");
    api.delete("/contacts/" + gone).expect(200);
    long head = desk.head();
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", gone)))
        .problem(409, null);
    assertThat(desk.since(head)).isEmpty();
  }

  @Test
  void aTicketShowsItsWholeConversation() {
    String con = desk.contact("Ida", "ida@example.com");
    String agent = desk.agent("Bo");
    String id = desk.ticketId(con);
    api.post("/tickets/" + id + "/replies", Api.json(Map.of("author_type", "agent", "author_id", agent,
        "body", "We are on it."))).expect(201);
    api.post("/tickets/" + id + "/comments", Api.json(Map.of("author_id", agent,
        "body", "Check with the warehouse."))).expect(201);

    JsonNode t = desk.get(id);
    assertThat(t.get("message_count").asInt()).isEqualTo(2);
    assertThat(t.get("comment_count").asInt()).isEqualTo(1);
    assertThat(t.get("messages")).extracting(m -> m.get("body").asText())
        .containsExactly("The kettle lid is cracked.", "We are on it.", "Check with the warehouse.");
    assertThat(t.get("messages")).extracting(m -> m.get("internal").asBoolean())
        .containsExactly(false, false, true);
    assertThat(t.at("/messages/0/id").asText()).startsWith("msg_");
  }

  @Test
  void listsPageAndFilterByStatus() {
    String con = desk.contact("Lars", "lars@example.com");
    String a = desk.ticketId(con);
    String b = desk.ticketId(con);
    String c = desk.ticketId(con);
    api.post("/tickets/" + b + "/close").expect(200);
    api.post("/tickets/" + c + "/spam").expect(200);

    assertThat(ids(api.get("/tickets?status=open&limit=500"))).contains(a).doesNotContain(b, c);
    assertThat(ids(api.get("/tickets?status=closed&limit=500"))).contains(b).doesNotContain(a, c);
    assertThat(ids(api.get("/tickets?status=spam&limit=500"))).contains(c).doesNotContain(a, b);
    assertThat(ids(api.get("/tickets?limit=500"))).contains(a, b, c);

    var first = api.get("/tickets?limit=1").expect(200);
    assertThat(first.json().get("data")).hasSize(1);
    var second = api.get("/tickets?limit=1&cursor=" + first.str("/next_cursor")).expect(200);
    assertThat(second.at("/data/0/id").asText()).isGreaterThan(first.at("/data/0/id").asText());

    api.get("/tickets?status=pending").problem(422, "status");
  }

  @Test
  void badInputNamesTheFieldAndWritesNothing() {
    String con = desk.contact("Eva", "eva@example.com");
    long head = desk.head();
    int before = ids(api.get("/tickets?limit=500")).size();

    api.post("/tickets", Api.json(Map.of("body", "x", "requester_id", con))).problem(422, "subject");
    api.post("/tickets", Api.json(Map.of("subject", "s", "requester_id", con))).problem(422, "body");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b"))).problem(422, "requester_id");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", con,
        "priority", "asap"))).problem(422, "priority");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", con,
        "colour", "red"))).problem(422, "colour");
    api.post("/tickets", Api.json(Map.of("subject", 42, "body", "b", "requester_id", con)))
        .problem(422, "subject");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", con,
        "tags", "urgent"))).problem(422, "tags");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", "con_nobody")))
        .problem(422, "requester_id");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", con,
        "requester", Map.of("email", "x@example.com")))).problem(422, "requester");
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b",
        "requester", Map.of("email", "not-an-email")))).problem(422, "requester.email");
    api.post("/tickets", "{\"subject\": ").problem(400, "body");
    // an unknown queue is refused after the new requester was resolved: that contact is rolled back too
    api.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "queue_id", "que_nowhere",
        "requester", Map.of("name", "Ghost", "email", "ghost@example.com")))).problem(422, "queue_id");

    assertThat(desk.since(head)).isEmpty();
    assertThat(ids(api.get("/tickets?limit=500"))).hasSize(before);
    assertThat(api.get("/contacts?limit=500").text()).doesNotContain("ghost@example.com");
  }

  @Test
  void anotherWorkspacesTicketIsNotFound() {
    String con = desk.contact("Pia", "pia@example.com");
    String id = desk.ticketId(con);
    Api other = api.as(api.post("/workspaces", Api.json(Map.of("name", "Elsewhere"))).expect(201)
        .str("/admin_token"));
    long head = desk.head();

    other.get("/tickets/" + id).problem(404, null);
    other.post("/tickets/" + id + "/close").problem(404, null);
    other.post("/tickets/" + id + "/replies", Api.json(Map.of("author_type", "contact",
        "author_id", con, "body", "hi"))).problem(404, null);
    other.put("/tickets/" + id + "/classification", Api.json(Map.of("priority", "low"))).problem(404, null);
    assertThat(other.get("/tickets").expect(200).json().get("data")).isEmpty();
    // nor can another workspace open a ticket for this workspace's contact
    other.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", con)))
        .problem(422, "requester_id");

    api.get("/tickets/tkt_missing").problem(404, null);
    api.post("/tickets/tkt_missing/trash").problem(404, null);
    assertThat(desk.since(head)).isEmpty();
    assertThat(desk.get(id).get("status").asText()).isEqualTo("open");
  }

  @Test
  void agentAndAppTokensUseTheDeskButOnlyAdminsCreateTeamsAndQueues() {
    Api agent = node.withRole("agent");
    String con = desk.contact("Tove", "tove@example.com");
    agent.post("/tickets", Api.json(Map.of("subject", "s", "body", "b", "requester_id", con))).expect(201);
    node.withRole("app").get("/tickets").expect(200);
    agent.post("/queues", Api.json(Map.of("name", "Q"))).problem(403, null);
    agent.post("/teams", Api.json(Map.of("name", "T"))).problem(403, null);
    api.as(null).get("/tickets").problem(401, null);
  }

  static List<String> ids(Api.Res res) {
    res.expect(200);
    return res.json().get("data").findValuesAsText("id");
  }
}
