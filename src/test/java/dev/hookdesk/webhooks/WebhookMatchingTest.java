package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.core.Actor;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import dev.hookdesk.desk.sources.SourceService;
import dev.hookdesk.events.Event;
import dev.hookdesk.events.EventLog;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which webhooks an event goes to ({@link WebhookDirectory#matching}), as the delivery engine
 * asks it, for webhooks registered and switched through the API.
 */
@DbTest
class WebhookMatchingTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();
  static WebhookDirectory directory;

  @BeforeAll
  static void start() throws Exception {
    var jdbi = node.node().database().jdbi();
    var mapper = Json.newMapper();
    Clock clock = Clock.systemUTC();
    Ids ids = new Ids(clock);
    directory = new WebhookRegistry(jdbi, ids, clock, node.node().catalog(), new SourceService(jdbi, clock),
        new EventLog(jdbi, jdbi, node.node().database().dialect(), mapper, ids, clock, node.node().catalog()), mapper,
        SecretBox.open(Optional.empty(), node.node().config().dataDir()));
  }

  static String register(List<String> events, Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("scope", "global", "url", "http://127.0.0.1:9/h",
        "events", events));
    for (int i = 0; i < more.length; i += 2) m.put((String) more[i], more[i + 1]);
    return admin.post("/webhooks", Api.json(m)).expect(201).str("/id");
  }

  static List<String> matching(String type) {
    Event e = new Event("evt_test", type, Instant.now(), node.node().defaultWorkspaceId(), 1,
        Actor.system(), Json.newMapper().createObjectNode(), null);
    return node.node().database().read(h -> directory.matching(h, e)).stream().map(Webhook::id).toList();
  }

  @Test
  void matchesByEventListWildcardsStateAndTheWorkspaceSwitch() {
    String exact = register(List.of("contact.created"));
    String wildcard = register(List.of("contact.*"));
    String tickets = register(List.of("ticket.*"));
    String disabled = register(List.of("contact.*"), "enabled", false);
    String deleted = register(List.of("contact.*"));
    admin.delete("/webhooks/" + deleted).expect(200);
    String chats = admin.post("/webhooks", Api.json(Map.of("scope", "live_support",
        "url", "http://127.0.0.1:9/h", "events", List.of("chat.*")))).expect(201).str("/id");

    assertThat(matching("contact.created")).contains(exact, wildcard)
        .doesNotContain(tickets, disabled, deleted, chats);
    assertThat(matching("contact.blocked")).contains(wildcard).doesNotContain(exact, tickets);
    assertThat(matching("webhook.disabled")).isEmpty();
    Optional<Webhook> found = node.node().database().read(h -> directory.find(h, deleted));
    assertThat(found).get().matches(Webhook::deleted);

    admin.put("/settings/webhooks", Api.json(Map.of("enabled", false))).expect(200);
    assertThat(matching("contact.created")).isEmpty();
    admin.put("/settings/webhooks", Api.json(Map.of("enabled", true))).expect(200);
    assertThat(matching("contact.created")).contains(exact, wildcard);
  }

  @Test
  void disableStopsMatchingAndEmitsWebhookDisabled() {
    String id = register(List.of("contact.deleted"));
    assertThat(matching("contact.deleted")).contains(id);
    node.node().database().inTransaction(h -> {
      directory.disable(h, id, "the receiver answered 410 Gone");
      return null;
    });
    assertThat(matching("contact.deleted")).doesNotContain(id);
    var w = admin.get("/webhooks/" + id).expect(200);
    assertThat(w.at("/enabled").asBoolean()).isFalse();
    assertThat(w.str("/disabled_reason")).isEqualTo("the receiver answered 410 Gone");
    var events = admin.get("/events?type=webhook.disabled&limit=500").at("/data");
    assertThat(events.toString()).contains(id).contains("410 Gone");
    assertThat(events.findValuesAsText("type")).contains("webhook.disabled");
  }

  @Test
  void signingSecretsAreTheCurrentOnePlusThePreviousDuringTheGrace() {
    String id = register(List.of("contact.*"), "secret", "first-secret-0123");
    Instant now = Instant.now();
    assertThat(directory.signingSecrets(id, now)).containsExactly(Signer.key("first-secret-0123"));
    admin.post("/webhooks/" + id + "/secret/rotate", Api.json(Map.of("grace_period_seconds", 60,
        "secret", "second-secret-0123"))).expect(200);
    assertThat(directory.signingSecrets(id, now.plusSeconds(1)))
        .containsExactly(Signer.key("second-secret-0123"), Signer.key("first-secret-0123"));
    assertThat(directory.signingSecrets(id, now.plusSeconds(120)))
        .containsExactly(Signer.key("second-secret-0123"));
    assertThat(directory.signingSecrets("whk_nope", now)).isEmpty();
  }
}
