package dev.hookdesk.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DbTest
class EventApiTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void eventsCarryTheEnvelopeAndAreOrderedBySequence() {
    String id = api.post("/contacts", Api.json(Map.of("name", "Ola", "email", "ola@example.com")))
        .expect(201).str("/id");
    api.post("/contacts/" + id + "/block").expect(200);

    List<JsonNode> all = new ArrayList<>();
    api.get("/events?limit=500").expect(200).json().get("data").forEach(all::add);
    JsonNode blocked = all.get(all.size() - 1);
    assertThat(blocked.get("type").asText()).isEqualTo("contact.blocked");
    assertThat(blocked.get("id").asText()).startsWith("evt_");
    assertThat(blocked.get("workspace_id").asText()).startsWith("ws_");
    assertThat(blocked.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(blocked.at("/actor/type").asText()).isEqualTo("agent");
    assertThat(blocked.at("/actor/via").asText()).isEqualTo("api");
    assertThat(blocked.at("/data/contact/blocked").asBoolean()).isTrue();
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).get("sequence").asLong()).isGreaterThan(all.get(i - 1).get("sequence").asLong());
    }

    var one = api.get("/events/" + blocked.get("id").asText()).expect(200);
    assertThat(one.json()).isEqualTo(blocked);
  }

  @Test
  void pagesFollowTheCursorAndFilterByType() {
    for (int i = 0; i < 5; i++) {
      api.post("/contacts", Api.json(Map.of("name", "Page " + i))).expect(201);
    }
    var first = api.get("/events?type=contact.created&limit=2").expect(200);
    assertThat(first.json().get("data")).hasSize(2);
    String cursor = first.str("/next_cursor");
    var second = api.get("/events?type=contact.created&limit=2&cursor=" + cursor).expect(200);
    assertThat(second.at("/data/0/sequence").asLong()).isGreaterThan(first.at("/data/1/sequence").asLong());
    var after = api.get("/events?after=" + cursor + "&limit=500").expect(200);
    assertThat(after.at("/data/0/sequence").asLong()).isEqualTo(Long.parseLong(cursor) + 1);
    second.json().get("data").forEach(e -> assertThat(e.get("type").asText()).isEqualTo("contact.created"));
  }

  @Test
  void badQueriesAre4xx() {
    api.get("/events?type=ticket.exploded").problem(422, "type");
    api.get("/events?after=yesterday").problem(422, "after");
    api.get("/events?limit=0").problem(422, "limit");
    api.get("/events/evt_nope").problem(404, null);
  }
}
