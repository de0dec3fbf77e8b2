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

/** Assignment, team, classification, queue and the life cycle, with their events and 409s. */
@DbTest
class TicketActionsTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();
  static Desk desk;

  @BeforeAll
  static void start() {
    desk = new Desk(api);
  }

  private static String open() {
    return desk.ticketId(desk.contact("Requester", "req" + System.nanoTime() + "@example.com"));
  }

  @Test
  void assigningAndUnassigningAnAgent() {
    String id = open();
    String ana = desk.agent("Ana");
    String bo = desk.agent("Bo");

    long h = desk.head();
    var res = api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", ana))).expect(200);
    assertThat(res.str("/assignee_id")).isEqualTo(ana);
    JsonNode e = desk.only(h, "ticket.assigned");
    assertThat(desk.typesSince(h)).containsExactly("ticket.assigned");
    assertThat(e.at("/data/changes/assignee_id/from").isNull()).isTrue();
    assertThat(e.at("/data/changes/assignee_id/to").asText()).isEqualTo(ana);
    assertThat(e.at("/data/ticket/assignee_id").asText()).isEqualTo(ana);
    assertThat(e.at("/actor/via").asText()).isEqualTo("api");

    long h2 = desk.head();
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", bo))).expect(200);
    assertThat(desk.only(h2, "ticket.assigned").at("/data/changes/assignee_id/from").asText()).isEqualTo(ana);

    long h3 = desk.head();
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", bo))).problem(409, null);
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", "agt_ghost"))).problem(422, "agent_id");
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of())).problem(422, "agent_id");
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", List.of(bo)))).problem(422, "agent_id");
    assertThat(desk.since(h3)).isEmpty();

    api.delete("/tickets/" + id + "/assignee").expect(200);
    JsonNode un = desk.only(h3, "ticket.unassigned");
    assertThat(un.at("/data/changes/assignee_id/from").asText()).isEqualTo(bo);
    assertThat(un.at("/data/ticket/assignee_id").isNull()).isTrue();
    api.delete("/tickets/" + id + "/assignee").problem(409, null);
    assertThat(desk.get(id).get("assignee_id").isNull()).isTrue();
  }

  @Test
  void handingToATeamAndMovingQueues() {
    String id = open();
    String team = desk.team("Billing", List.of(desk.agent("Cy")));
    String q1 = desk.queue("Inbox");
    String q2 = desk.queue("Escalations");

    long h = desk.head();
    api.put("/tickets/" + id + "/team", Api.json(Map.of("team_id", team))).expect(200);
    assertThat(desk.only(h, "ticket.team_assigned").at("/data/changes/team_id/to").asText()).isEqualTo(team);
    api.put("/tickets/" + id + "/team", Api.json(Map.of("team_id", team))).problem(409, null);
    api.put("/tickets/" + id + "/team", Api.json(Map.of("team_id", "team_ghost"))).problem(422, "team_id");
    api.delete("/tickets/" + id + "/team").expect(200);
    JsonNode un = desk.only(h, "ticket.team_unassigned");
    assertThat(un.at("/data/changes/team_id/from").asText()).isEqualTo(team);
    api.delete("/tickets/" + id + "/team").problem(409, null);

    long h2 = desk.head();
    api.put("/tickets/" + id + "/queue", Api.json(Map.of("queue_id", q1))).expect(200);
    api.put("/tickets/" + id + "/queue", Api.json(Map.of("queue_id", q2))).expect(200);
    api.put("/tickets/" + id + "/queue", Api.json(Map.of("queue_id", q2))).problem(409, null);
    api.put("/tickets/" + id + "/queue", Api.json(Map.of("queue_id", "que_ghost"))).problem(422, "queue_id");
    List<JsonNode> moves = desk.since(h2);
    assertThat(moves).extracting(e -> e.get("type").asText())
        .containsExactly("ticket.queue_changed", "ticket.queue_changed");
    assertThat(moves.get(1).at("/data/changes/queue_id/from").asText()).isEqualTo(q1);
    assertThat(moves.get(1).at("/data/changes/queue_id/to").asText()).isEqualTo(q2);
    assertThat(desk.get(id).get("queue_id").asText()).isEqualTo(q2);
  }

  @Test
  void classificationReportsOnlyWhatChanged() {
    String id = open();
    long h = desk.head();
    var res = api.put("/tickets/" + id + "/classification", Api.json(Map.of("category", "shipping",
        "tags", List.of("damaged", "kettle")))).expect(200);
    assertThat(res.str("/category")).isEqualTo("shipping");
    JsonNode e = desk.only(h, "ticket.classified");
    assertThat(e.at("/data/changes").size()).isEqualTo(2);
    assertThat(e.at("/data/changes/category/from").isNull()).isTrue();
    assertThat(e.at("/data/changes/tags/to")).extracting(JsonNode::asText).containsExactly("damaged", "kettle");

    long h2 = desk.head();
    api.put("/tickets/" + id + "/classification", Api.json(Map.of("category", "shipping", "priority", "urgent")))
        .expect(200);
    JsonNode p = desk.only(h2, "ticket.classified");
    assertThat(p.at("/data/changes").size()).isEqualTo(1);
    assertThat(p.at("/data/changes/priority/from").asText()).isEqualTo("normal");
    assertThat(p.at("/data/changes/priority/to").asText()).isEqualTo("urgent");

    long h3 = desk.head();
    api.put("/tickets/" + id + "/classification", Api.json(Map.of("priority", "urgent"))).problem(409, null);
    api.put("/tickets/" + id + "/classification", Api.json(Map.of("priority", "critical"))).problem(422, "priority");
    api.put("/tickets/" + id + "/classification", Api.json(Map.of())).problem(422, "category");
    api.put("/tickets/" + id + "/classification", Api.json(Map.of("tags", List.of("")))).problem(422, "tags[0]");
    assertThat(desk.since(h3)).isEmpty();

    // an explicit null clears the category
    api.put("/tickets/" + id + "/classification", "{\"category\": null}").expect(200);
    assertThat(desk.only(h3, "ticket.classified").at("/data/changes/category/to").isNull()).isTrue();
  }

  @Test
  void theLifeCycleEmitsOneEventPerStep() {
    String id = open();
    long h = desk.head();
    post(id, "close").expect(200);
    post(id, "reopen").expect(200);
    post(id, "close").expect(200);
    post(id, "archive").expect(200);
    post(id, "unarchive").expect(200);
    post(id, "spam").expect(200);
    post(id, "unspam").expect(200);
    post(id, "trash").expect(200);
    var last = post(id, "untrash").expect(200);
    assertThat(desk.typesSince(h)).containsExactly("ticket.closed", "ticket.reopened", "ticket.closed",
        "ticket.archived", "ticket.unarchived", "ticket.spammed", "ticket.unspammed", "ticket.trashed",
        "ticket.untrashed");
    List<JsonNode> events = desk.since(h);
    assertThat(events.get(0).at("/data/changes/status/to").asText()).isEqualTo("closed");
    assertThat(events.get(0).at("/data/ticket/closed_at").asText()).isNotEmpty();
    assertThat(events.get(1).at("/data/changes/status/to").asText()).isEqualTo("open");
    assertThat(events.get(3).at("/data/changes/archived/to").asBoolean()).isTrue();
    assertThat(events.get(4).at("/data/changes/archived/to").asBoolean()).isFalse();
    assertThat(events.get(5).at("/data/ticket/spam").asBoolean()).isTrue();
    assertThat(events.get(6).at("/data/changes/spam/from").asBoolean()).isTrue();
    assertThat(events.get(7).at("/data/changes/trashed/to").asBoolean()).isTrue();
    assertThat(events.get(8).at("/data/ticket/trashed").asBoolean()).isFalse();
    // undoing spam and trash puts the ticket back as it was: closed
    assertThat(last.str("/status")).isEqualTo("closed");
  }

  @Test
  void wrongStateIsAConflictThatChangesNothing() {
    String id = open();
    String agent = desk.agent("Dee");
    long h = desk.head();
    post(id, "reopen").problem(409, null);
    post(id, "archive").problem(409, null);
    post(id, "unarchive").problem(409, null);
    post(id, "unspam").problem(409, null);
    post(id, "untrash").problem(409, null);
    api.post("/tickets/" + id + "/close", "{\"note\": \"x\"}").problem(422, "note");
    assertThat(desk.since(h)).isEmpty();

    post(id, "close").expect(200);
    post(id, "close").problem(409, null);
    post(id, "archive").expect(200);
    post(id, "archive").problem(409, null);
    post(id, "reopen").problem(409, null);
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", agent))).problem(409, null);
    post(id, "unarchive").expect(200);

    post(id, "spam").expect(200);
    long h2 = desk.head();
    post(id, "spam").problem(409, null);
    post(id, "close").problem(409, null);
    api.put("/tickets/" + id + "/assignee", Api.json(Map.of("agent_id", agent))).problem(409, null);
    api.put("/tickets/" + id + "/classification", Api.json(Map.of("priority", "low"))).problem(409, null);
    post(id, "trash").expect(200);
    long h3 = desk.head();
    post(id, "trash").problem(409, null);
    post(id, "unspam").problem(409, null);
    api.delete("/tickets/" + id + "/team").problem(409, null);
    assertThat(desk.typesSince(h2)).containsExactly("ticket.trashed");
    assertThat(desk.since(h3)).isEmpty();

    var conflict = post(id, "spam").problem(409, null);
    assertThat(conflict.str("/detail")).contains(id).contains("trash");
    JsonNode t = desk.get(id);
    assertThat(t.get("spam").asBoolean()).isTrue();
    assertThat(t.get("trashed").asBoolean()).isTrue();
    assertThat(t.get("assignee_id").isNull()).isTrue();
    assertThat(t.get("priority").asText()).isEqualTo("normal");
  }

  private static Api.Res post(String id, String action) {
    return api.post("/tickets/" + id + "/" + action);
  }
}
