package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.Signer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trying a webhook from its page: how to trigger each subscribed type, and a test send of any
 * of their samples, which a real receiver gets signed and valid against the published schema.
 */
@DbTest
class WebhookTriggersTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyCatalogTypeSaysHowToTriggerIt() {
    var triggers = dev.hookdesk.events.catalog.Triggers.load(node.node().catalog(), JSON);
    assertThat(node.node().catalog().all()).allSatisfy(t ->
        assertThat(triggers.of(t.type())).as(t.type()).isPresent());
  }

  @Test
  void thePageSaysHowToTriggerEachSubscribedTypeAndTestsAnyOfThem() throws Exception {
    try (Receiver receiver = Receiver.answering(Receiver.Reply.of(204, Map.of(), new byte[0]))) {
      Api admin = node.admin();
      String url = receiver.url();
      String id = admin.post("/webhooks", Api.json(Map.of("scope", "global", "url", url,
          "events", List.of("ticket.*", "contact.updated"), "private", false))).expect(201).str("/id");
      String secret = admin.get("/webhooks/" + id + "/secret").expect(200).str("/secret");

      ConsoleClient console = new ConsoleClient(node.baseUrl());
      console.signIn(TestNode.OWNER_TOKEN);
      String page = console.get("/console/webhooks/" + id).body();
      assertThat(page).contains("<tr data-type=\"ticket.agent_replied\"><td><code>ticket.agent_replied</code></td>"
          + "<td>Open a ticket in the desk and use Send reply.</td></tr>");
      assertThat(page).contains("<tr data-type=\"contact.updated\">").contains("<option value=\"ticket.unarchived\"")
          .contains("<option value=\"contact.updated\"").contains("<option value=\"webhook.test\"")
          .doesNotContain("<option value=\"contact.created\"").doesNotContain("<option value=\"chat.");

      var sent = console.post("/console/webhooks/" + id + "/test",
          Map.of("_csrf", console.csrf, "event_type", "ticket.agent_replied"));
      assertThat(sent.statusCode()).isEqualTo(200);
      assertThat(sent.body()).contains("data-success=\"true\"")
          .contains("<option value=\"ticket.agent_replied\" selected>");
      assertThat(receiver.requests()).hasSize(1);
      Receiver.Request r = receiver.last();
      assertThat(r.header("hookdesk-event-type")).isEqualTo("ticket.agent_replied");
      long ts = Long.parseLong(r.header("webhook-timestamp"));
      assertThat(r.header("webhook-signature"))
          .isEqualTo(Signer.header(List.of(Signer.key(secret)), r.header("webhook-id"), ts, r.bytes()));
      JsonNode body = r.json();
      assertThat(body.get("type").asText()).isEqualTo("ticket.agent_replied");
      assertThat(node.node().catalog().validate(body)).as("the sample against its schema").isEmpty();
      assertThat(body.at("/data/ticket/requester/email").asText()).as("not private").isEqualTo("[redacted]");

      var notSubscribed = console.post("/console/webhooks/" + id + "/test",
          Map.of("_csrf", console.csrf, "event_type", "chat.created"));
      assertThat(notSubscribed.statusCode()).isEqualTo(422);
      var noToken = console.post("/console/webhooks/" + id + "/test", Map.of("event_type", "ticket.created"));
      assertThat(noToken.statusCode()).isEqualTo(403);
      assertThat(receiver.requests()).as("nothing else was sent").hasSize(1);

      console.post("/console/webhooks/" + id + "/test", Map.of("_csrf", console.csrf));
      assertThat(receiver.requests().get(1).header("hookdesk-event-type")).as("no choice is webhook.test").isEqualTo("webhook.test");
    }
  }
}
