package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agent identity in the API (SPEC §9): tokens bound to an agent, personal tokens, the agent as
 * the actor of what their token causes, no writing as another agent, deactivation.
 */
@DbTest
class AgentIdentityTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  final Api admin = node.admin();

  String agent(String name) {
    return admin.post("/agents", Api.json(Map.of("name", name, "email",
        name.toLowerCase().replace(' ', '.') + "@example.com"))).expect(201).str("/id");
  }

  Api tokenFor(String agentId) {
    var r = admin.post("/tokens", Api.json(Map.of("role", "agent", "name", "desk", "agent_id", agentId)))
        .expect(201);
    assertThat(r.str("/agent_id")).isEqualTo(agentId);
    return admin.as(r.str("/token"));
  }

  String ticket() {
    return admin.post("/tickets", Api.json(Map.of("subject", "Printer on fire", "body", "Help",
        "requester", Map.of("name", "Rita", "email", "rita@example.com")))).expect(201).str("/id");
  }

  JsonNode lastEvent(String type) {
    JsonNode data = admin.get("/events?type=" + type + "&limit=100").expect(200).at("/data");
    return data.get(data.size() - 1);
  }

  @Test
  void onlyAdminsBindTokensAndOnlyToActiveAgentsOfTheirWorkspace() {
    String ana = agent("Ana Bound");
    node.withRole("agent").post("/tokens", Api.json(Map.of("role", "agent", "name", "x", "agent_id", ana)))
        .problem(403, null);
    admin.post("/tokens", Api.json(Map.of("role", "agent", "name", "x", "agent_id", "agt_nobody")))
        .problem(422, "agent_id");
    admin.post("/tokens", Api.json(Map.of("role", "app", "name", "x", "agent_id", ana)))
        .problem(422, "agent_id");
    String other = admin.post("/workspaces", Api.json(Map.of("name", "Other"))).expect(201)
        .str("/admin_token");
    admin.as(other).post("/tokens", Api.json(Map.of("role", "agent", "name", "x", "agent_id", ana)))
        .problem(422, "agent_id");
    tokenFor(ana);
    assertThat(admin.get("/tokens?limit=100").text()).contains("\"agent_id\":\"" + ana + "\"");
  }

  @Test
  void anAgentsTokenMintsPersonalTokensForThatAgentOnly() {
    String bo = agent("Bo Personal");
    String cy = agent("Cy Other");
    Api bos = tokenFor(bo);
    var personal = bos.post("/tokens", Api.json(Map.of("name", "my laptop"))).expect(201);
    assertThat(personal.str("/agent_id")).isEqualTo(bo);
    assertThat(personal.str("/role")).isEqualTo("agent");
    bos.post("/tokens", Api.json(Map.of("name", "x", "agent_id", cy))).problem(422, "agent_id");
    bos.post("/tokens", Api.json(Map.of("name", "x", "role", "admin"))).problem(422, "role");
    admin.as(personal.str("/token")).get("/agents/" + bo).expect(200);
  }

  @Test
  void theAgentBehindATokenIsTheActorOfWhatItCauses() {
    String di = agent("Di Actor");
    Api dis = tokenFor(di);
    String t = ticket();
    dis.post("/tickets/" + t + "/replies", Api.json(Map.of("author_type", "agent", "author_id", di,
        "body", "On it"))).expect(201);
    JsonNode replied = lastEvent("ticket.agent_replied");
    assertThat(replied.at("/actor/type").asText()).isEqualTo("agent");
    assertThat(replied.at("/actor/id").asText()).isEqualTo(di);
    assertThat(replied.at("/actor/via").asText()).isEqualTo("api");

    dis.post("/tickets/" + t + "/close").expect(200);
    JsonNode closed = lastEvent("ticket.closed");
    assertThat(closed.at("/actor").toString()).contains("\"id\":\"" + di + "\"").contains("\"via\":\"api\"");
  }

  @Test
  void anAgentCannotWriteAsAnotherAgentButAdminsAndUnboundTokensStillMay() {
    String ed = agent("Ed Writer");
    String fay = agent("Fay Victim");
    Api eds = tokenFor(ed);
    String t = ticket();
    eds.post("/tickets/" + t + "/replies", Api.json(Map.of("author_type", "agent", "author_id", fay,
        "body", "Not me"))).problem(422, "author_id");
    eds.post("/tickets/" + t + "/comments", Api.json(Map.of("author_id", fay, "body", "Not me")))
        .problem(422, "author_id");
    assertThat(admin.get("/tickets/" + t).at("/messages").size()).as("only the opening message").isEqualTo(1);

    admin.post("/sources", Api.json(Map.of("key", "identity", "name", "Identity"))).expect(201);
    String chat = admin.post("/chats", Api.json(Map.of("source", "identity", "type", "push",
        "contact", Map.of("name", "Vi", "email", "vi@example.com")))).expect(201).str("/id");
    eds.post("/chats/" + chat + "/messages", Api.json(Map.of("author_type", "agent", "author_id", fay,
        "text", "Not me"))).problem(422, "author_id");

    eds.post("/tickets/" + t + "/comments", Api.json(Map.of("author_id", ed, "body", "Me"))).expect(201);
    eds.post("/tickets/" + t + "/replies", Api.json(Map.of("author_type", "contact",
        "author_id", admin.get("/tickets/" + t).str("/requester_id"), "body", "Relayed"))).expect(201);
    admin.post("/tickets/" + t + "/comments", Api.json(Map.of("author_id", fay, "body", "Admin as Fay")))
        .expect(201);
    node.withRole("agent").post("/tickets/" + t + "/comments", Api.json(Map.of("author_id", fay,
        "body", "Unbound token"))).expect(201);
  }

  @Test
  void deactivatingAnAgentRevokesTheirTokens() {
    String gus = agent("Gus Leaving");
    Api guss = tokenFor(gus);
    Api personal = admin.as(guss.post("/tokens", Api.json(Map.of("name", "phone"))).expect(201).str("/token"));
    guss.get("/agents").expect(200);
    admin.patch("/agents/" + gus, Api.json(Map.of("active", false))).expect(200);
    guss.get("/agents").problem(401, null);
    personal.get("/agents").problem(401, null);
    admin.post("/tokens", Api.json(Map.of("role", "agent", "name", "x", "agent_id", gus)))
        .problem(422, "agent_id");
    admin.patch("/agents/" + gus, Api.json(Map.of("active", true))).expect(200);
    guss.get("/agents").problem(401, null); // reactivation does not revive revoked tokens
  }
}
