package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom header values are credentials (the README puts an {@code X-Api-Key} there): sealed at
 * rest, shown masked, in clear only on the wire. A masked value in a change keeps the stored one.
 */
@DbTest
class CustomHeaderSealingTest {
  static final String KEY = "k-very-secret-123";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();
  @RegisterExtension
  static final Receiver receiver = Receiver.perClass();

  static String register(Map<String, String> headers) {
    return admin.post("/webhooks", Api.json(Map.of("scope", "global", "url", receiver.url("/h"),
        "events", List.of("ticket.*"), "headers", headers))).expect(201).str("/id");
  }

  static String column(String id) {
    return node.node().database().read(h -> h.createQuery("SELECT headers FROM webhooks WHERE id = :id")
        .bind("id", id).mapTo(String.class).one());
  }

  /** The custom headers the receiver got on a test send. */
  static Map<String, String> sent(String id, String... names) {
    var answer = admin.post("/webhooks/" + id + "/test").expect(200);
    assertThat(answer.text()).as("the test send's answer").doesNotContain(KEY);
    Receiver.Request got = receiver.last();
    Map<String, String> out = new java.util.TreeMap<>();
    for (String n : names) {
      if (got.header(n) != null) out.put(n, got.header(n));
    }
    return out;
  }

  @Test
  void valuesAreSealedAtRestMaskedInTheApiAndSentInClear() {
    String id = register(Map.of("X-Api-Key", KEY));
    assertThat(column(id)).doesNotContain(KEY).doesNotContain("X-Api-Key");
    assertThat(admin.get("/webhooks/" + id).expect(200).at("/headers").toString())
        .isEqualTo("{\"X-Api-Key\":\"********\"}");
    assertThat(admin.get("/webhooks").expect(200).text()).doesNotContain(KEY).contains("\"X-Api-Key\":\"********\"");
    assertThat(sent(id, "x-api-key")).isEqualTo(Map.of("x-api-key", KEY));
  }

  @Test
  void aMaskedValueKeepsTheStoredOneAndANewValueReplacesIt() {
    String id = register(Map.of("X-Api-Key", KEY, "X-Team", "support"));

    admin.patch("/webhooks/" + id, Api.json(Map.of("description", "CRM"))).expect(200);
    assertThat(sent(id, "x-api-key", "x-team")).isEqualTo(Map.of("x-api-key", KEY, "x-team", "support"));

    var changed = admin.patch("/webhooks/" + id, Api.json(Map.of("headers",
        Map.of("x-api-key", "********", "X-Region", "eu")))).expect(200);
    assertThat(changed.at("/headers").toString())
        .isEqualTo("{\"X-Region\":\"********\",\"x-api-key\":\"********\"}");
    assertThat(sent(id, "x-api-key", "x-team", "x-region")).as("X-Team was left out, so removed")
        .isEqualTo(Map.of("x-api-key", KEY, "x-region", "eu"));

    admin.patch("/webhooks/" + id, Api.json(Map.of("headers", Map.of("X-Api-Key", "k-rotated-456"))))
        .expect(200);
    assertThat(sent(id, "x-api-key", "x-region")).isEqualTo(Map.of("x-api-key", "k-rotated-456"));
  }

  @Test
  void aMaskedValueWithNothingStoredIsRefused() {
    String id = register(Map.of("X-Api-Key", KEY));
    admin.patch("/webhooks/" + id, Api.json(Map.of("headers", Map.of("X-Other", "********"))))
        .problem(422, "headers.X-Other");
    admin.post("/webhooks", Api.json(Map.of("scope", "global", "url", receiver.url("/h"),
        "events", List.of("ticket.*"), "headers", Map.of("X-Api-Key", "********"))))
        .problem(422, "headers.X-Api-Key");
    assertThat(sent(id, "x-api-key", "x-other")).isEqualTo(Map.of("x-api-key", KEY));
  }

  @Test
  void clearValuesStoredBeforeSealingStillWork() {
    String id = register(Map.of("X-Api-Key", "placeholder-value"));
    node.node().database().inTransaction(h -> h.createUpdate(
            "UPDATE webhooks SET headers = :clear WHERE id = :id")
        .bind("clear", "{\"X-Api-Key\":\"" + KEY + "\"}").bind("id", id).execute());
    assertThat(admin.get("/webhooks/" + id).expect(200).at("/headers").toString())
        .isEqualTo("{\"X-Api-Key\":\"********\"}");
    assertThat(sent(id, "x-api-key")).isEqualTo(Map.of("x-api-key", KEY));
    admin.patch("/webhooks/" + id, Api.json(Map.of("description", "touched"))).expect(200);
    assertThat(column(id)).as("sealed by the next change").doesNotContain(KEY);
    assertThat(sent(id, "x-api-key")).isEqualTo(Map.of("x-api-key", KEY));
  }
}
