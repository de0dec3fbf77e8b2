package dev.hookdesk.desk.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Teams and queues through the API. */
@DbTest
class TeamQueueApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  private static String agent(String name) {
    return api.post("/agents", Api.json(Map.of("name", name))).expect(201).str("/id");
  }

  private static long eventCount() {
    return api.get("/events?limit=500").expect(200).json().get("data").size();
  }

  @Test
  void teamsAreCreatedReadListedAndChanged() {
    String ana = agent("Ana");
    String bo = agent("Bo");
    long events = eventCount();
    var created = api.post("/teams", Api.json(Map.of("name", "Billing", "agent_ids", List.of(ana, bo, ana))))
        .expect(201);
    String id = created.str("/id");
    assertThat(id).startsWith("team_");
    assertThat(created.json().get("agent_ids")).extracting(JsonNode::asText).containsExactly(ana, bo);
    assertThat(api.get("/teams/" + id).expect(200).json()).isEqualTo(created.json());
    assertThat(api.get("/teams").expect(200).json().get("data").findValuesAsText("id")).contains(id);

    var patched = api.patch("/teams/" + id, Api.json(Map.of("name", "Billing EU", "agent_ids", List.of(bo))))
        .expect(200);
    assertThat(patched.str("/name")).isEqualTo("Billing EU");
    assertThat(patched.json().get("agent_ids")).extracting(JsonNode::asText).containsExactly(bo);
    var renamed = api.patch("/teams/" + id, Api.json(Map.of("name", "Billing DK"))).expect(200);
    assertThat(renamed.json().get("agent_ids")).extracting(JsonNode::asText).containsExactly(bo);

    api.post("/teams", Api.json(Map.of("name", "Empty"))).expect(201);
    assertThat(eventCount()).as("teams emit no events").isEqualTo(events);
  }

  @Test
  void teamsRefuseUnknownAgentsAndBadInput() {
    String ana = agent("Cy");
    api.post("/teams", Api.json(Map.of("name", "T", "agent_ids", List.of(ana, "agt_ghost"))))
        .problem(422, "agent_ids");
    api.post("/teams", Api.json(Map.of("agent_ids", List.of(ana)))).problem(422, "name");
    api.post("/teams", Api.json(Map.of("name", "T", "agent_ids", ana))).problem(422, "agent_ids");
    api.post("/teams", Api.json(Map.of("name", "T", "lead", ana))).problem(422, "lead");
    assertThat(api.get("/teams?limit=500").text()).doesNotContain("\"T\"");

    String id = api.post("/teams", Api.json(Map.of("name", "Keep", "agent_ids", List.of(ana)))).expect(201).str("/id");
    api.patch("/teams/" + id, Api.json(Map.of("name", "Changed", "agent_ids", List.of("agt_ghost"))))
        .problem(422, "agent_ids");
    var unchanged = api.get("/teams/" + id).expect(200);
    assertThat(unchanged.str("/name")).isEqualTo("Keep");
    assertThat(unchanged.json().get("agent_ids")).extracting(JsonNode::asText).containsExactly(ana);
    api.get("/teams/team_ghost").problem(404, null);
    api.patch("/teams/team_ghost", Api.json(Map.of("name", "x"))).problem(404, null);
  }

  @Test
  void aTeamCannotHoldAnotherWorkspacesAgent() {
    Api other = api.as(api.post("/workspaces", Api.json(Map.of("name", "Other"))).expect(201).str("/admin_token"));
    String foreign = other.post("/agents", Api.json(Map.of("name", "Zed"))).expect(201).str("/id");
    api.post("/teams", Api.json(Map.of("name", "Mixed", "agent_ids", List.of(foreign)))).problem(422, "agent_ids");
    String ours = api.post("/teams", Api.json(Map.of("name", "Ours"))).expect(201).str("/id");
    other.get("/teams/" + ours).problem(404, null);
    String queue = api.post("/queues", Api.json(Map.of("name", "Ours"))).expect(201).str("/id");
    other.get("/queues/" + queue).problem(404, null);
    assertThat(other.get("/queues").expect(200).json().get("data")).isEmpty();
  }

  @Test
  void queuesAreCreatedReadAndListed() {
    var created = api.post("/queues", Api.json(Map.of("name", "Returns"))).expect(201);
    String id = created.str("/id");
    assertThat(id).startsWith("que_");
    assertThat(created.str("/created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(api.get("/queues/" + id).expect(200).json()).isEqualTo(created.json());
    assertThat(api.get("/queues?limit=500").expect(200).json().get("data").findValuesAsText("id")).contains(id);
    api.post("/queues", Api.json(Map.of())).problem(422, "name");
    api.post("/queues", Api.json(Map.of("name", "  "))).problem(422, "name");
    api.get("/queues/que_ghost").problem(404, null);
  }

  @Test
  void queuesAreRenamedAndBothAreDeletedOnlyWhenNoTicketUsesThem() {
    String queue = api.post("/queues", Api.json(Map.of("name", "Refunds"))).expect(201).str("/id");
    String team = api.post("/teams", Api.json(Map.of("name", "Night shift"))).expect(201).str("/id");
    assertThat(api.patch("/queues/" + queue, Api.json(Map.of("name", "Refunds EU"))).expect(200).str("/name"))
        .isEqualTo("Refunds EU");
    api.patch("/queues/" + queue, Api.json(Map.of("name", ""))).problem(422, "name");
    api.patch("/queues/" + queue, Api.json(Map.of("title", "x"))).problem(422, "title");
    node.withRole("agent").delete("/queues/" + queue).problem(403, null);

    String ticket = api.post("/tickets", Api.json(Map.of("subject", "Refund", "body", "Where is it?",
        "queue_id", queue, "requester", Map.of("name", "Ida")))).expect(201).str("/id");
    api.put("/tickets/" + ticket + "/team", Api.json(Map.of("team_id", team))).expect(200);
    api.delete("/queues/" + queue).problem(409, null);
    api.delete("/teams/" + team).problem(409, null);
    assertThat(api.get("/queues/" + queue).expect(200).str("/name")).isEqualTo("Refunds EU");

    String other = api.post("/queues", Api.json(Map.of("name", "Other"))).expect(201).str("/id");
    api.put("/tickets/" + ticket + "/queue", Api.json(Map.of("queue_id", other))).expect(200);
    api.delete("/tickets/" + ticket + "/team").expect(200);
    api.delete("/queues/" + queue).expect(204);
    api.delete("/teams/" + team).expect(204);
    api.get("/queues/" + queue).problem(404, null);
    api.get("/teams/" + team).problem(404, null);
    api.delete("/queues/" + queue).problem(404, null);
    api.delete("/teams/" + team).problem(404, null);
  }
}
