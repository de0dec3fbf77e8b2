package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console shows custom header names with masked values, on the webhook's page and in the
 * edit form; saving the form with a value left masked keeps the stored value.
 */
@DbTest
class WebhookHeaderFormTest {
  static final String KEY = "k-console-secret-42";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();

  @Test
  void headerValuesAreMaskedAndAMaskedValueKeepsTheStoredOne() throws Exception {
    var bin = admin.post("/inspector/bins", Api.json(Map.of("name", "Headers"))).expect(201);
    String id = admin.post("/webhooks", Api.json(Map.of("scope", "global", "url", bin.str("/capture_url"),
        "events", List.of("ticket.*"), "headers", Map.of("X-Api-Key", KEY)))).expect(201).str("/id");
    ConsoleClient c = new ConsoleClient(node.baseUrl());
    c.signIn(TestNode.OWNER_TOKEN);

    assertThat(c.get("/console/webhooks/" + id).body()).contains("X-Api-Key: ********").doesNotContain(KEY);
    assertThat(c.get("/console/webhooks/" + id + "/edit").body()).contains("X-Api-Key: ********")
        .doesNotContain(KEY);

    assertThat(edit(c, id, bin.str("/capture_url"), "X-Api-Key: ********\nX-Team: support").statusCode())
        .isEqualTo(303);
    JsonNode got = testSend(bin.str("/id"), id);
    assertThat(got.path("x-api-key").asText()).isEqualTo(KEY);
    assertThat(got.path("x-team").asText()).isEqualTo("support");

    assertThat(edit(c, id, bin.str("/capture_url"), "X-Api-Key: k-replaced").statusCode()).isEqualTo(303);
    got = testSend(bin.str("/id"), id);
    assertThat(got.path("x-api-key").asText()).isEqualTo("k-replaced");
    assertThat(got.has("x-team")).as("the removed line removed the header").isFalse();
  }

  /** Sends a test event and answers the headers the bin caught with it. */
  private static JsonNode testSend(String binId, String webhookId) {
    int before = admin.get("/inspector/bins/" + binId + "/requests").expect(200).at("/data").size();
    admin.post("/webhooks/" + webhookId + "/test").expect(200);
    TestNode.await("the test send in the bin", 10_000,
        () -> admin.get("/inspector/bins/" + binId + "/requests").at("/data").size() > before);
    return admin.get("/inspector/bins/" + binId + "/requests").at("/data/0/headers");
  }

  private static HttpResponse<String> edit(ConsoleClient c, String id, String url, String headers)
      throws Exception {
    String body = "_csrf=" + c.csrf + "&scope=global&events=ticket.*&url=" + enc(url)
        + "&headers=" + enc(headers);
    var edit = java.net.URI.create(c.base + "/console/webhooks/" + id + "/edit");
    return c.http.send(HttpRequest.newBuilder(edit)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
