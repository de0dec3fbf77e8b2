package dev.hookdesk.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.Signer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's curl tour: a bin, a webhook to it, a ticket, the signed request read back. */
@DbTest
class BinApiTest {

  @Test
  void aScriptCanTryAWebhookAgainstABin() {
    // no allowed networks: the node's own bins are reachable anyway
    try (TestNode node = TestNode.start(Map.of("HOOKDESK_ALLOWED_NETWORKS", ""))) {
      Api api = node.admin();
      var bin = api.post("/inspector/bins", Api.json(Map.of("name", "Try-out"))).expect(201);
      String binId = bin.str("/id");
      assertThat(bin.str("/capture_url")).isEqualTo(node.node().publicUrl().resolve("/inspect/" + binId));

      String hook = api.post("/webhooks", Api.json(Map.of("scope", "global", "url", bin.str("/capture_url"),
          "events", List.of("ticket.*"), "private", false))).expect(201).str("/id");
      String secret = api.get("/webhooks/" + hook + "/secret").expect(200).str("/secret");
      api.post("/tickets", Api.json(Map.of("subject", "Parcel arrived damaged", "body", "Cracked lid",
          "requester", Map.of("name", "Maria", "email", "maria@example.com")))).expect(201);

      TestNode.await("the ticket in the bin", 10_000,
          () -> api.get("/inspector/bins/" + binId + "/requests").json().at("/data").size() > 0);
      String requestId = api.get("/inspector/bins/" + binId + "/requests").expect(200).str("/data/0/id");
      JsonNode request = api.get("/inspector/bins/" + binId + "/requests/" + requestId).expect(200).json();
      assertThat(request.get("method").asText()).isEqualTo("POST");
      JsonNode headers = request.get("headers");
      assertThat(headers.get("hookdesk-event-type").asText()).isEqualTo("ticket.created");
      byte[] body = request.get("body").asText().getBytes(StandardCharsets.UTF_8);
      String expected = "v1," + Signer.sign(Signer.key(secret), headers.get("webhook-id").asText(),
          headers.get("webhook-timestamp").asLong(), body);
      assertThat(headers.get("webhook-signature").asText().split(" ")).contains(expected);

      assertThat(api.get("/inspector/bins").expect(200).at("/data").findValuesAsText("id")).contains(binId);
      node.withRole("agent").get("/inspector/bins").problem(403, null);
      var other = api.post("/workspaces", Api.json(Map.of("name", "Other"))).expect(201);
      api.as(other.str("/admin_token")).get("/inspector/bins/" + binId + "/requests").problem(404, null);
      api.post("/inspector/bins", Api.json(Map.of("name", 7))).problem(422, "name");

      api.delete("/inspector/bins/" + binId).expect(204);
      api.get("/inspector/bins/" + binId).problem(404, null);
    }
  }
}
