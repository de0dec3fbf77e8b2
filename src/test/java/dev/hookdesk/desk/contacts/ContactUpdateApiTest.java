package dev.hookdesk.desk.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code PATCH /contacts/{id}} (SPEC §9): contact.updated, validation, uniqueness, who may. */
@DbTest
class ContactUpdateApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  static String contact(String name, String email) {
    return api.post("/contacts", Api.json(Map.of("name", name, "email", email))).expect(201).str("/id");
  }

  static List<JsonNode> updatesOf(String id) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : api.get("/events?type=contact.updated&limit=500").expect(200).at("/data")) {
      if (e.at("/data/contact/id").asText().equals(id)) out.add(e);
    }
    return out;
  }

  @Test
  void aPatchChangesTheGivenFieldsAndEmitsContactUpdatedWithTheChanges() {
    String id = contact("Maria", "maria@example.com");
    var r = api.patch("/contacts/" + id, Api.json(Map.of("email", "maria.jensen@example.com",
        "phone", "+45 20 12 34 56", "external_id", "crm-1"))).expect(200);
    assertThat(r.str("/name")).isEqualTo("Maria");
    assertThat(r.str("/email")).isEqualTo("maria.jensen@example.com");
    assertThat(r.str("/external_id")).isEqualTo("crm-1");
    assertThat(api.get("/contacts/" + id).expect(200).str("/phone")).isEqualTo("+45 20 12 34 56");

    List<JsonNode> events = updatesOf(id);
    assertThat(events).hasSize(1);
    JsonNode e = events.get(0);
    assertThat(e.at("/actor/via").asText()).isEqualTo("api");
    assertThat(e.at("/data/contact/email").asText()).isEqualTo("maria.jensen@example.com");
    assertThat(e.at("/data/changes").toString()).isEqualTo("{\"email\":{\"from\":\"maria@example.com\","
        + "\"to\":\"maria.jensen@example.com\"},\"phone\":{\"from\":null,\"to\":\"+45 20 12 34 56\"},"
        + "\"external_id\":{\"from\":null,\"to\":\"crm-1\"}}");
    assertThat(node.node().catalog().validate(e)).isEmpty();

    // null clears a field; the same values again change nothing and emit nothing
    Map<String, Object> clear = new HashMap<>();
    clear.put("phone", null);
    assertThat(api.patch("/contacts/" + id, Api.json(clear)).expect(200).at("/phone").isNull()).isTrue();
    assertThat(updatesOf(id)).hasSize(2);
    assertThat(updatesOf(id).get(1).at("/data/changes").toString())
        .isEqualTo("{\"phone\":{\"from\":\"+45 20 12 34 56\",\"to\":null}}");
    api.patch("/contacts/" + id, Api.json(Map.of("name", "Maria"))).expect(200);
    assertThat(updatesOf(id)).hasSize(2);
  }

  @Test
  void badInputIs422NamingTheFieldAndWritesNothing() {
    String id = contact("Kim", "kim@example.com");
    api.patch("/contacts/" + id, Api.json(Map.of("email", "not-an-email"))).problem(422, "email");
    api.patch("/contacts/" + id, Api.json(Map.of("phone", "call me"))).problem(422, "phone");
    api.patch("/contacts/" + id, Api.json(Map.of("name", ""))).problem(422, "name");
    api.patch("/contacts/" + id, Api.json(Map.of("external_id", 42))).problem(422, "external_id");
    api.patch("/contacts/" + id, Api.json(Map.of("external_id", "x".repeat(201)))).problem(422, "external_id");
    api.patch("/contacts/" + id, Api.json(Map.of("blocked", true))).problem(422, "blocked");
    api.patch("/contacts/" + id, "{}").problem(422, "name");
    Map<String, Object> neither = new HashMap<>();
    neither.put("name", null);
    neither.put("email", null);
    api.patch("/contacts/" + id, Api.json(neither)).problem(422, "email");
    // one bad field spoils the whole patch
    api.patch("/contacts/" + id, Api.json(Map.of("name", "Kim Lee", "email", "nope"))).problem(422, "email");
    var now = api.get("/contacts/" + id).expect(200);
    assertThat(now.str("/name")).isEqualTo("Kim");
    assertThat(now.str("/email")).isEqualTo("kim@example.com");
    assertThat(updatesOf(id)).isEmpty();
  }

  @Test
  void anExternalIdNamesOneContactOfAWorkspace() {
    String a = contact("Ann", "ann@example.com");
    String b = contact("Ben", "ben@example.com");
    api.patch("/contacts/" + a, Api.json(Map.of("external_id", "crm-7"))).expect(200);
    api.patch("/contacts/" + b, Api.json(Map.of("external_id", "crm-7", "name", "Benjamin")))
        .problem(409, "external_id");
    assertThat(api.get("/contacts/" + b).expect(200).str("/name")).isEqualTo("Ben");
    assertThat(updatesOf(b)).isEmpty();

    // another workspace may use the same external id
    Api other = api.as(api.post("/workspaces", Api.json(Map.of("name", "Other ext"))).expect(201)
        .str("/admin_token"));
    String c = other.post("/contacts", Api.json(Map.of("name", "Cy"))).expect(201).str("/id");
    other.patch("/contacts/" + c, Api.json(Map.of("external_id", "crm-7"))).expect(200);
    // once the first contact is deleted its external id is free again
    api.delete("/contacts/" + a).expect(200);
    api.patch("/contacts/" + b, Api.json(Map.of("external_id", "crm-7"))).expect(200);
  }

  @Test
  void deletedAndOtherWorkspacesContactsAre404AndBlockedOnesCanBeCorrected() {
    String gone = contact("Gone", "gone@example.com");
    api.delete("/contacts/" + gone).expect(200);
    api.patch("/contacts/" + gone, Api.json(Map.of("name", "Back"))).problem(404, null);

    String blocked = contact("Spammy", "spam@example.com");
    api.post("/contacts/" + blocked + "/block").expect(200);
    var r = api.patch("/contacts/" + blocked, Api.json(Map.of("name", "Spammer"))).expect(200);
    assertThat(r.at("/blocked").asBoolean()).isTrue();

    String mine = contact("Mine", "mine@example.com");
    Api other = api.as(api.post("/workspaces", Api.json(Map.of("name", "Other 404"))).expect(201)
        .str("/admin_token"));
    other.patch("/contacts/" + mine, Api.json(Map.of("name", "Stolen"))).problem(404, null);
    assertThat(api.get("/contacts/" + mine).str("/name")).isEqualTo("Mine");
    new Api(api.base(), null).patch("/contacts/" + mine, Api.json(Map.of("name", "Anon"))).expect(401);
  }

  @Test
  void anAgentTokenMayUpdateContactsAndIsTheActor() {
    String agent = api.post("/agents", Api.json(Map.of("name", "Ana Patch", "email", "ana.patch@example.com")))
        .expect(201).str("/id");
    Api ana = api.as(api.post("/tokens", Api.json(Map.of("role", "agent", "name", "desk", "agent_id", agent)))
        .expect(201).str("/token"));
    String id = contact("Lee", "lee@example.com");
    ana.patch("/contacts/" + id, Api.json(Map.of("name", "Lee Park"))).expect(200);
    JsonNode e = updatesOf(id).get(0);
    assertThat(e.at("/actor/type").asText()).isEqualTo("agent");
    assertThat(e.at("/actor/id").asText()).isEqualTo(agent);
    assertThat(e.at("/actor/via").asText()).isEqualTo("api");
    node.withRole("agent").patch("/contacts/" + id, Api.json(Map.of("phone", "+1 555 0100"))).expect(200);
  }
}
