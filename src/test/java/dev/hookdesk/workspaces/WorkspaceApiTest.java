package dev.hookdesk.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DbTest
class WorkspaceApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api owner = node.admin();

  @Test
  void healthAnswersOk() {
    var r = owner.as(null).get("/health").expect(200);
    assertThat(r.json().get("status").asText()).isEqualTo("ok");
  }

  @Test
  void metricsArePrometheusText() {
    var r = owner.as(null).get("/metrics").expect(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
    assertThat(r.text()).contains("# TYPE jvm_memory_used_bytes gauge");
  }

  @Test
  void missingOrWrongTokenIs401() {
    owner.as(null).get("/agents").problem(401, null);
    owner.as("hd_nope").get("/agents").problem(401, null);
  }

  @Test
  void adminMintsListsAndRevokesTokens() {
    var minted = owner.post("/tokens", Api.json(Map.of("role", "agent", "name", "Ana's laptop"))).expect(201);
    String id = minted.str("/id");
    String token = minted.str("/token");
    assertThat(id).startsWith("tok_");
    assertThat(token).startsWith("hd_");
    Api agent = owner.as(token);
    agent.get("/agents").expect(200);

    var list = owner.get("/tokens").expect(200);
    assertThat(list.json().get("data").findValuesAsText("id")).contains(id);
    assertThat(list.text()).doesNotContain(token);

    owner.delete("/tokens/" + id).expect(204);
    agent.get("/agents").problem(401, null);
    owner.delete("/tokens/" + id).problem(404, null);
  }

  @Test
  void rolesAreEnforced() {
    Api agent = node.withRole("agent");
    Api app = node.withRole("app");
    agent.post("/tokens", Api.json(Map.of("role", "agent", "name", "x"))).problem(403, null);
    app.get("/tokens").problem(403, null);
    agent.post("/workspaces", Api.json(Map.of("name", "Other"))).problem(403, null);
    // agents use the desk
    agent.post("/contacts", Api.json(Map.of("name", "Lee"))).expect(201);
  }

  @Test
  void invalidTokenRequestNamesTheFields() {
    owner.post("/tokens", Api.json(Map.of("role", "superuser"))).problem(422, "role");
    owner.post("/tokens", Api.json(Map.of("role", "agent"))).problem(422, "name");
  }

  @Test
  void ownerCreatesWorkspacesThatCannotSeeEachOther() {
    var created = owner.post("/workspaces", Api.json(Map.of("name", "Acme EU"))).expect(201);
    assertThat(created.str("/workspace/id")).startsWith("ws_");
    Api other = owner.as(created.str("/admin_token"));

    String contactId = owner.post("/contacts", Api.json(Map.of("name", "Kim"))).expect(201).str("/id");
    other.get("/contacts/" + contactId).problem(404, null);
    other.post("/contacts/" + contactId + "/block").problem(404, null);
    assertThat(other.get("/contacts").expect(200).json().get("data")).isEmpty();
    assertThat(other.get("/events").expect(200).text()).doesNotContain(contactId);

    // a non-owner admin cannot create workspaces
    other.post("/workspaces", Api.json(Map.of("name", "x"))).problem(403, null);
  }

  @Test
  void aTokenCannotRevokeItself() {
    var minted = owner.post("/tokens", Api.json(Map.of("role", "admin", "name", "second"))).expect(201);
    owner.as(minted.str("/token")).delete("/tokens/" + minted.str("/id")).problem(409, null);
  }
}
