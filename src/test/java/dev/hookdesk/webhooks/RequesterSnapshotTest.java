package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.SelfSigned;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ticket snapshots embed the requester (SPEC §9): in GET /tickets/{id} and every ticket.*
 * event, with email and phone redacted for a non-private webhook and whole for a private one.
 */
@DbTest
class RequesterSnapshotTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ticketEventsCarryTheRequesterRedactedUnlessTheWebhookIsPrivate() throws Exception {
    SelfSigned cert = SelfSigned.create();
    try (Receiver open = Receiver.http(); Receiver tls = Receiver.https(cert);
        TestNode node = TestNode.start(Map.of(HookdeskConfig.TRUSTED_CERTS, cert.pem().toString()))) {
      Api api = node.admin();
      String openHook = api.post("/webhooks", Api.json(Map.of("scope", "global", "url", open.url("/open"),
          "events", List.of("ticket.*"), "private", false))).expect(201).str("/id");
      String privateHook = api.post("/webhooks", Api.json(Map.of("scope", "global", "url", tls.url("/private"),
          "events", List.of("ticket.*"), "private", true))).expect(201).str("/id");

      String contact = api.post("/contacts", Api.json(Map.of("name", "Maria Jensen",
          "email", "maria@example.com", "phone", "+45 20 12 34 56"))).expect(201).str("/id");
      api.patch("/contacts/" + contact, Api.json(Map.of("external_id", "crm-48213"))).expect(200);
      String ticket = api.post("/tickets", Api.json(Map.of("subject", "Printer on fire", "body", "Help",
          "requester_id", contact))).expect(201).str("/id");

      JsonNode got = api.get("/tickets/" + ticket).expect(200).json();
      assertThat(got.get("requester").toString()).isEqualTo("{\"id\":\"" + contact + "\",\"name\":"
          + "\"Maria Jensen\",\"email\":\"maria@example.com\",\"phone\":\"+45 20 12 34 56\","
          + "\"external_id\":\"crm-48213\"}");

      TestNode.await("ticket.created at both receivers", 10_000,
          () -> created(open) != null && created(tls) != null);
      JsonNode redacted = JSON.readTree(created(open).body());
      JsonNode whole = JSON.readTree(created(tls).body());
      assertThat(node.node().catalog().validate(redacted)).isEmpty();
      assertThat(node.node().catalog().validate(whole)).isEmpty();
      assertThat(StandardWebhooks.verifies(api.get("/webhooks/" + openHook + "/secret").str("/secret"),
          created(open))).isTrue();
      assertThat(StandardWebhooks.verifies(api.get("/webhooks/" + privateHook + "/secret").str("/secret"),
          created(tls))).isTrue();

      JsonNode r = redacted.at("/data/ticket/requester");
      assertThat(r.get("id").asText()).isEqualTo(contact);
      assertThat(r.get("external_id").asText()).isEqualTo("crm-48213");
      assertThat(r.get("email").asText()).isEqualTo("[redacted]");
      assertThat(r.get("phone").asText()).isEqualTo("[redacted]");
      assertThat(redacted.toString()).doesNotContain("maria@example.com").doesNotContain("+45 20 12 34 56");
      assertThat(whole.at("/data/ticket/requester")).isEqualTo(got.get("requester"));

      // the snapshot says who the requester is now
      api.patch("/contacts/" + contact, Api.json(Map.of("email", "maria.jensen@example.com"))).expect(200);
      api.post("/tickets/" + ticket + "/close").expect(200);
      TestNode.await("ticket.closed at the private receiver", 10_000, () -> byType(tls, "ticket.closed") != null);
      assertThat(JSON.readTree(byType(tls, "ticket.closed").body()).at("/data/ticket/requester/email").asText())
          .isEqualTo("maria.jensen@example.com");
    }
  }

  private static Receiver.Request created(Receiver r) {
    return byType(r, "ticket.created");
  }

  private static Receiver.Request byType(Receiver r, String type) {
    return r.requests().stream().filter(x -> type.equals(x.header("hookdesk-event-type"))).findFirst()
        .orElse(null);
  }
}
