package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registering, reading, changing, deleting and restoring webhooks through the API. */
@DbTest
class WebhookApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  static Map<String, Object> global(Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("scope", "global", "url", receiver.url("/hook"),
        "events", List.of("ticket.*", "contact.created")));
    for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
    return m;
  }

  static String create(Api api, Map<String, Object> body) {
    return api.post("/webhooks", Api.json(body)).expect(201).str("/id");
  }

  @Test
  void registersWithDefaultsAndMasksTheSecret() {
    var r = admin.post("/webhooks", Api.json(global("description", "CRM sync"))).expect(201);
    String id = r.str("/id");
    assertThat(id).startsWith("whk_");
    assertThat(r.str("/secret")).isEqualTo("whsec_********");
    assertThat(r.at("/enabled").asBoolean()).isTrue();
    assertThat(r.at("/private").asBoolean()).isFalse();
    assertThat(r.at("/timeout_ms").asInt()).isEqualTo(15000);
    assertThat(r.at("/retry_schedule").toString())
        .isEqualTo("[\"5s\",\"5m\",\"30m\",\"2h\",\"5h\",\"10h\",\"14h\",\"20h\",\"24h\"]");
    assertThat(r.at("/events").toString()).isEqualTo("[\"ticket.*\",\"contact.created\"]");
    assertThat(r.str("/description")).isEqualTo("CRM sync");

    var got = admin.get("/webhooks/" + id).expect(200);
    assertThat(got.str("/url")).isEqualTo(receiver.url("/hook"));
    assertThat(got.str("/secret")).isEqualTo("whsec_********");
    var list = admin.get("/webhooks").expect(200);
    assertThat(list.json().get("data").findValuesAsText("id")).contains(id);

    String secret = admin.get("/webhooks/" + id + "/secret").expect(200).str("/secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
    assertThat(list.text()).doesNotContain(secret.substring(6));
    assertThat(got.text()).doesNotContain(secret.substring(6));
  }

  @Test
  void secretsAreEncryptedAtRestWithAGeneratedKey() {
    String id = create(admin, global("secret", "my-own-secret-value-42"));
    String stored = node.node().database().read(h -> h.createQuery(
        "SELECT secret FROM webhooks WHERE id = :id").bind("id", id).mapTo(String.class).one());
    assertThat(stored).startsWith("v1:").doesNotContain("my-own-secret-value-42");
    assertThat(Files.exists(node.node().config().dataDir().resolve("secret-key"))).isTrue();
    assertThat(admin.get("/webhooks/" + id + "/secret").str("/secret")).isEqualTo("my-own-secret-value-42");
  }

  @Test
  void listsPageWithACursor() {
    for (int i = 0; i < 3; i++) create(admin, global());
    var first = admin.get("/webhooks?limit=2").expect(200);
    assertThat(first.at("/data").size()).isEqualTo(2);
    String cursor = first.str("/next_cursor");
    var second = admin.get("/webhooks?limit=2&cursor=" + cursor).expect(200);
    assertThat(second.json().get("data").findValuesAsText("id"))
        .doesNotContainAnyElementsOf(first.json().get("data").findValuesAsText("id"));
  }

  @Test
  void patchChangesFieldsAndChecksTheWhole() {
    String id = create(admin, global());
    var r = admin.patch("/webhooks/" + id, Api.json(Map.of("description", "renamed",
        "events", List.of("contact.*"), "timeout_ms", 5000, "retry_schedule", List.of("10s", "1h"))))
        .expect(200);
    assertThat(r.str("/description")).isEqualTo("renamed");
    assertThat(r.at("/events").toString()).isEqualTo("[\"contact.*\"]");
    assertThat(r.at("/timeout_ms").asInt()).isEqualTo(5000);
    assertThat(r.at("/retry_schedule").toString()).isEqualTo("[\"10s\",\"1h\"]");
    assertThat(r.str("/url")).isEqualTo(receiver.url("/hook"));
    admin.patch("/webhooks/" + id, Api.json(Map.of("private", true))).problem(422, "url");
    admin.patch("/webhooks/" + id, Api.json(Map.of("secret", "x".repeat(20)))).problem(422, "secret");
    admin.patch("/webhooks/" + id, Api.json(Map.of("scope", "live_support"))).problem(422, "events[0]");
    assertThat(admin.get("/webhooks/" + id).str("/description")).isEqualTo("renamed");
    admin.patch("/webhooks/whk_nope", Api.json(Map.of("description", "x"))).problem(404, null);
  }

  @Test
  void disablingAndReEnablingEmitOperationalEvents() {
    String id = create(admin, global());
    var off = admin.patch("/webhooks/" + id, Api.json(Map.of("enabled", false))).expect(200);
    assertThat(off.at("/enabled").asBoolean()).isFalse();
    assertThat(off.str("/disabled_reason")).isEqualTo("disabled through the API");
    admin.patch("/webhooks/" + id, Api.json(Map.of("enabled", true))).expect(200);
    JsonNode enabled = admin.get("/events?type=webhook.enabled").expect(200).at("/data");
    assertThat(enabled.findValuesAsText("id")).isNotEmpty();
    assertThat(enabled.toString()).contains(id);
    assertThat(admin.get("/events?type=webhook.disabled").at("/data").toString()).contains(id);
    assertThat(admin.get("/webhooks/" + id).at("/disabled_reason").isNull()).isTrue();
  }

  @Test
  void deleteIsSoftAndRestoreBringsItBack() {
    String id = create(admin, global());
    var deleted = admin.delete("/webhooks/" + id).expect(200);
    assertThat(deleted.str("/deleted_at")).isNotBlank();
    assertThat(admin.get("/webhooks?limit=500").json().get("data").findValuesAsText("id")).doesNotContain(id);
    assertThat(admin.get("/webhooks/deleted?limit=500").json().get("data").findValuesAsText("id")).contains(id);
    assertThat(admin.get("/webhooks/" + id).expect(200).str("/deleted_at")).isNotBlank();
    admin.delete("/webhooks/" + id).problem(409, null);
    admin.patch("/webhooks/" + id, Api.json(Map.of("description", "x"))).problem(409, null);
    admin.post("/webhooks/" + id + "/test").problem(409, null);
    admin.post("/webhooks/" + id + "/secret/rotate").problem(409, null);

    var restored = admin.post("/webhooks/" + id + "/restore").expect(200);
    assertThat(restored.at("/deleted_at").isNull()).isTrue();
    assertThat(admin.get("/webhooks?limit=500").json().get("data").findValuesAsText("id")).contains(id);
    assertThat(admin.get("/webhooks/deleted?limit=500").json().get("data").findValuesAsText("id")).doesNotContain(id);
    admin.post("/webhooks/" + id + "/restore").problem(409, null);
    admin.delete("/webhooks/whk_nope").problem(404, null);
  }

  @Test
  void appTokensManageOnlyTheirOwnWebhooks() {
    Api app = node.withRole("app");
    Api otherApp = node.withRole("app");
    Api agent = node.withRole("agent");
    var r = app.post("/webhooks", Api.json(global())).expect(201);
    String id = r.str("/id");
    assertThat(r.str("/app_id")).startsWith("tok_");
    String adminOwned = create(admin, global());

    assertThat(app.get("/webhooks?limit=500").json().get("data").findValuesAsText("id"))
        .contains(id).doesNotContain(adminOwned);
    app.get("/webhooks/" + adminOwned).problem(404, null);
    otherApp.get("/webhooks/" + id).problem(404, null);
    otherApp.delete("/webhooks/" + id).problem(404, null);
    otherApp.get("/webhooks/" + id + "/secret").problem(404, null);
    assertThat(otherApp.get("/webhooks").json().get("data").findValuesAsText("id")).doesNotContain(id);
    app.get("/webhooks/" + id + "/secret").expect(200);
    admin.get("/webhooks/" + id).expect(200);

    agent.get("/webhooks").problem(403, null);
    agent.post("/webhooks", Api.json(global())).problem(403, null);
    app.get("/settings/webhooks").problem(403, null);
  }

  @Test
  void anotherWorkspaceSeesNone() {
    String id = create(admin, global());
    String otherAdmin = admin.post("/workspaces", Api.json(Map.of("name", "Other"))).expect(201)
        .str("/admin_token");
    Api other = admin.as(otherAdmin);
    other.get("/webhooks/" + id).problem(404, null);
    other.post("/webhooks/" + id + "/test").problem(404, null);
    assertThat(other.get("/webhooks").at("/data").size()).isZero();
  }

  @Test
  void theWorkspaceSwitch() {
    assertThat(admin.get("/settings/webhooks").expect(200).at("/enabled").asBoolean()).isTrue();
    assertThat(admin.put("/settings/webhooks", Api.json(Map.of("enabled", false))).expect(200)
        .at("/enabled").asBoolean()).isFalse();
    assertThat(admin.get("/settings/webhooks").at("/enabled").asBoolean()).isFalse();
    admin.put("/settings/webhooks", "{}").problem(422, "enabled");
    admin.put("/settings/webhooks", Api.json(Map.of("enabled", "yes"))).problem(422, "enabled");
    admin.put("/settings/webhooks", Api.json(Map.of("enabled", true))).expect(200);
    assertThat(admin.get("/settings/webhooks").at("/enabled").asBoolean()).isTrue();
  }
}
