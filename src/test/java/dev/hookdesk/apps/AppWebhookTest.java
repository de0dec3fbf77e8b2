package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import dev.hookdesk.webhooks.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §8's app webhooks end to end: registered once with the app's client credentials, they
 * hear every workspace that installed the app within its granted scopes, through the engine's
 * one sender (signed, schema-valid), switched off per workspace, stopped by uninstall (with
 * app.uninstalled), filtered by chat source and message author — and closed to other apps.
 */
@DbTest
class AppWebhookTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String REDIRECT = "http://127.0.0.1:9/callback";
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api owner = node.admin();

  Installer installer() {
    return new Installer(node, owner, REDIRECT);
  }

  Installer.Workspace newWorkspace(String name) {
    return installer().newWorkspace(name);
  }

  static List<JsonNode> bodies(Receiver r) {
    return r.requests().stream().map(q -> {
      try {
        return JSON.readTree(q.body());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static boolean got(Receiver r, String workspaceId, String type, String pointer, String value) {
    return bodies(r).stream().anyMatch(b -> b.get("workspace_id").asText().equals(workspaceId)
        && b.get("type").asText().equals(type) && (pointer == null || b.at(pointer).asText().equals(value)));
  }

  static String ticket(Api admin, String subject) {
    return admin.post("/tickets", Api.json(Map.of("subject", subject, "body", "Hi",
        "requester", Map.of("name", "Kim", "email", subject.replace(' ', '-') + "@example.com"))))
        .expect(201).str("/id");
  }

  @Test
  void workspaceWebhooksHearEveryInstallationWithinItsScopesUntilSwitchedOffOrUninstalled() throws Exception {
    try (Receiver receiver = Receiver.answering(200)) {
      OAuthClient app = installer().register("tickets:read", "contacts:read");
      Api client = owner.asClient(app.clientId, app.clientSecret);
      var hook = client.post("/apps/" + app.appId + "/webhooks", Api.json(Map.of("url", receiver.url(),
          "events", List.of("ticket.created", "contact.*", "app.*"), "type", "workspace",
          "description", "CRM sync"))).expect(201);
      String secret = hook.str("/secret");
      String hookId = hook.str("/id");
      assertThat(client.get("/apps/" + app.appId + "/webhooks").expect(200).json().get("data")
          .findValuesAsText("id")).containsExactly(hookId);

      Installer.Workspace a = newWorkspace("Acme");
      Installer.Workspace b = newWorkspace("Globex");
      var tokensA = installer().install(app, installer().signedInAdmin(a.admin()), "tickets:read contacts:read");
      var tokensB = installer().install(app, installer().signedInAdmin(b.admin()), "tickets:read");
      TestNode.await("app.installed from both", 10_000,
          () -> got(receiver, a.id(), "app.installed", null, null) && got(receiver, b.id(), "app.installed", null, null));

      String inA = ticket(a.admin(), "printer in A");
      String inB = ticket(b.admin(), "printer in B");
      TestNode.await("ticket.created from both workspaces", 10_000,
          () -> got(receiver, a.id(), "ticket.created", "/data/ticket/id", inA)
              && got(receiver, b.id(), "ticket.created", "/data/ticket/id", inB));
      TestNode.await("contact.created from A", 10_000, () -> got(receiver, a.id(), "contact.created", null, null));
      for (Receiver.Request r : receiver.requests()) {
        JsonNode body = JSON.readTree(r.body());
        assertThat(StandardWebhooks.verifies(secret, r.header("webhook-id"), r.header("webhook-timestamp"),
            r.header("webhook-signature"), r.body().getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(node.node().catalog().validate(body)).as("schema of %s", body.get("type")).isEmpty();
        assertThat(body.at("/actor/type").asText()).isNotBlank();
      }
      assertThat(got(receiver, b.id(), "contact.created", null, null)).as("B granted no contacts:read").isFalse();
      assertThat(bodies(receiver)).noneMatch(x -> x.get("type").asText().equals("ticket.answered"));

      // B switches the app's webhooks off: only A is heard
      Api appInB = owner.as(tokensB.str("/access_token"));
      assertThat(appInB.post("/apps/" + app.appId + "/webhooks/disable").expect(200).at("/enabled").asBoolean()).isFalse();
      assertThat(b.admin().get("/apps/" + app.appId + "/webhooks/state").expect(200).at("/enabled").asBoolean()).isFalse();
      String quietB = ticket(b.admin(), "quiet B");
      String loudA = ticket(a.admin(), "loud A");
      TestNode.await("A's ticket", 10_000, () -> got(receiver, a.id(), "ticket.created", "/data/ticket/id", loudA));
      assertThat(deliveredEvents(hookId)).doesNotContain(eventOf(b.admin(), quietB));
      b.admin().post("/apps/" + app.appId + "/webhooks/enable").expect(200);

      // A's receiver fails; A uninstalls: what was queued for A stops, app.uninstalled arrives
      receiver.answer(n -> Receiver.Reply.of(503));
      String failing = ticket(a.admin(), "failing A");
      String failingEvent = eventOf(a.admin(), failing);
      TestNode.await("a retrying delivery", 10_000, () -> statusOf(hookId, failingEvent).equals("retrying"));
      String installation = StreamSupport.stream(a.admin().get("/installations").expect(200).json().get("data")
          .spliterator(), false).filter(i -> i.get("app_id").asText().equals(app.appId))
          .findFirst().orElseThrow().get("id").asText();
      receiver.answer(n -> Receiver.Reply.of(200));
      a.admin().delete("/installations/" + installation).expect(204);
      owner.as(tokensA.str("/access_token")).get("/tickets?limit=1").problem(401, null);
      assertThat(statusOf(hookId, failingEvent)).isEqualTo("failed");
      TestNode.await("app.uninstalled", 10_000, () -> got(receiver, a.id(), "app.uninstalled", null, null));
      String afterwards = ticket(a.admin(), "after uninstall");
      String inBAgain = ticket(b.admin(), "B again");
      TestNode.await("B's ticket", 10_000, () -> got(receiver, b.id(), "ticket.created", "/data/ticket/id", inBAgain));
      assertThat(deliveredEvents(hookId)).doesNotContain(eventOf(a.admin(), afterwards));
      var cancelled = owner.get("/webhooks/" + hookId + "/deliveries?status=failed").expect(200).json().get("data");
      assertThat(StreamSupport.stream(cancelled.spliterator(), false)
          .filter(d -> d.get("event_id").asText().equals(failingEvent)).findFirst().orElseThrow()
          .get("last_error").asText()).startsWith("cancelled");
    }
  }

  @Test
  void filtersBySourceAndAuthor() throws Exception {
    try (Receiver receiver = Receiver.answering(200)) {
      OAuthClient app = installer().register("chats:read");
      owner.asClient(app.clientId, app.clientSecret).post("/apps/" + app.appId + "/webhooks",
          Api.json(Map.of("url", receiver.url(), "events", List.of("chat.*"), "type", "workspace",
              "filters", Map.of("sources", List.of("website"), "author_types", List.of("contact")))))
          .expect(201);
      Installer.Workspace w = newWorkspace("Initech");
      installer().install(app, installer().signedInAdmin(w.admin()), "chats:read");
      w.admin().post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
      w.admin().post("/sources", Api.json(Map.of("key", "mobile_app", "name", "App"))).expect(201);
      String web = w.admin().post("/chats", Api.json(Map.of("source", "website", "type", "request",
          "contact", Map.of("name", "Lee")))).expect(201).str("/id");
      String mobile = w.admin().post("/chats", Api.json(Map.of("source", "mobile_app", "type", "request",
          "contact", Map.of("name", "Kim")))).expect(201).str("/id");
      w.admin().post("/chats/" + mobile + "/messages", Api.json(Map.of("author_type", "contact", "text", "app"))).expect(201);
      w.admin().post("/chats/" + web + "/messages", Api.json(Map.of("author_type", "system", "text", "hello"))).expect(201);
      w.admin().post("/chats/" + web + "/messages", Api.json(Map.of("author_type", "contact", "text", "help"))).expect(201);
      TestNode.await("the contact's website message", 10_000,
          () -> got(receiver, w.id(), "chat.message_received", "/data/chat/id", web));
      assertThat(got(receiver, w.id(), "chat.created", "/data/chat/id", web)).isTrue();
      assertThat(bodies(receiver)).noneMatch(b -> b.at("/data/chat/id").asText().equals(mobile))
          .noneMatch(b -> b.get("type").asText().equals("chat.message_sent"));
    }
  }

  @Test
  void otherAppsAndOtherWorkspacesGetNotFound() throws Exception {
    OAuthClient mine = installer().register("tickets:read");
    OAuthClient theirs = installer().register("tickets:read");
    String body = Api.json(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("ticket.*"), "type", "workspace"));
    owner.asClient(mine.clientId, "hdcs_wrong").post("/apps/" + mine.appId + "/webhooks", body).problem(401, null);
    owner.post("/apps/" + mine.appId + "/webhooks", body).problem(401, null);
    owner.asClient(theirs.clientId, theirs.clientSecret).post("/apps/" + mine.appId + "/webhooks", body).problem(404, null);
    owner.asClient(theirs.clientId, theirs.clientSecret).get("/apps/" + mine.appId + "/webhooks").problem(404, null);
    String hook = owner.asClient(mine.clientId, mine.clientSecret).post("/apps/" + mine.appId + "/webhooks", body)
        .expect(201).str("/id");
    owner.asClient(theirs.clientId, theirs.clientSecret).delete("/apps/" + mine.appId + "/webhooks/" + hook).problem(404, null);
    owner.get("/webhooks/" + hook).problem(404, null);
    owner.asClient(mine.clientId, mine.clientSecret).post("/apps/" + mine.appId + "/webhooks",
        Api.json(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("webhook.disabled"), "type", "workspace")))
        .problem(422, "events");

    Installer.Workspace w = newWorkspace("Umbrella");
    var theirTokens = installer().install(theirs, installer().signedInAdmin(w.admin()), "tickets:read");
    owner.as(theirTokens.str("/access_token")).post("/apps/" + mine.appId + "/webhooks/disable").problem(404, null);
    owner.as(theirTokens.str("/access_token")).get("/apps/" + mine.appId + "/webhooks/state").problem(404, null);
    w.admin().get("/apps/" + mine.appId + "/webhooks/state").problem(404, null);
    node.withRole("agent").get("/apps/" + theirs.appId + "/webhooks/state").problem(403, null);
    owner.asClient(mine.clientId, mine.clientSecret).delete("/apps/" + mine.appId + "/webhooks/" + hook).expect(204);
    assertThat(owner.asClient(mine.clientId, mine.clientSecret).get("/apps/" + mine.appId + "/webhooks")
        .expect(200).json().get("data")).isEmpty();
  }

  static String eventOf(Api admin, String ticketId) {
    var events = admin.get("/events?type=ticket.created").expect(200).json().get("data");
    return StreamSupport.stream(events.spliterator(), false)
        .filter(e -> e.at("/data/ticket/id").asText().equals(ticketId)).findFirst().orElseThrow()
        .get("id").asText();
  }

  /** The app webhook's deliveries, as the publishing workspace's admin reads them. */
  static List<String> deliveredEvents(String hookId) {
    return owner.get("/webhooks/" + hookId + "/deliveries?limit=500").expect(200).json().get("data")
        .findValuesAsText("event_id");
  }

  static String statusOf(String hookId, String eventId) {
    var all = owner.get("/webhooks/" + hookId + "/deliveries?limit=500").expect(200).json().get("data");
    return StreamSupport.stream(all.spliterator(), false).filter(d -> d.get("event_id").asText().equals(eventId))
        .map(d -> d.get("status").asText()).findFirst().orElse("none");
  }
}
