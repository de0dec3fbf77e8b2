package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deeply nested JSON and times outside 1970–9999 are client errors, not 500s. */
@DbTest
class InputLimitsTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  private final Api api = node.admin();

  @Test
  void deeplyNestedJsonIsABadRequest() {
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    api.post("/contacts", "{\"name\":\"A\",\"x\":" + deep + "}").problem(400, "body");
    String deepObjects = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    var r = api.post("/contacts", "{\"name\":\"A\",\"x\":" + deepObjects + "}").problem(400, "body");
    assertThat(r.str("/detail")).contains("nest");
  }

  @Test
  void aTimeBeyondYear9999IsRefusedWithAClearMessage() {
    String webhook = api.post("/webhooks", Api.json(Map.of("scope", "global", "url",
        "http://127.0.0.1:9/hook", "events", List.of("ticket.*"), "private", false))).expect(201).str("/id");
    for (String since : List.of("+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z",
        "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59Z")) {
      var r = api.post("/webhooks/" + webhook + "/recover", Api.json(Map.of("since", since)))
          .problem(422, "since");
      assertThat(r.text()).as(since).contains("between 1970 and 9999");
    }
    api.post("/webhooks/" + webhook + "/recover", Api.json(Map.of("since", "2026-01-01T00:00:00.000Z")))
        .expect(202);
  }

  @Test
  void aCallbackTimeBeyondYear9999IsRefused() {
    api.post("/sources", Api.json(Map.of("key", "website", "name", "Website")));
    String chat = api.post("/chats", Api.json(Map.of("source", "website", "contact", Map.of("name", "M"))))
        .expect(201).str("/id");
    var r = api.post("/chats/" + chat + "/callback", Api.json(Map.of("type", "phone", "phone", "+45 20 12 34 56",
        "preferred_time", "+999999999-01-01T00:00:00Z"))).problem(422, "preferred_time");
    assertThat(r.text()).contains("between 1970 and 9999");
    api.post("/chats/" + chat + "/callback", Api.json(Map.of("type", "phone", "phone", "+45 20 12 34 56",
        "preferred_time", "2031-05-01T09:30:00+02:00"))).expect(200);
  }
}
