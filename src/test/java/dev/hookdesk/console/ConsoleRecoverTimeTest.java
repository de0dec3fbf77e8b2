package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's recover form refuses a year Java parses but no database timestamp holds. */
@DbTest
class ConsoleRecoverTimeTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aSinceBeyondYear9999IsAClientError() throws Exception {
    String webhook = node.admin().post("/webhooks", Api.json(Map.of("scope", "global", "url",
        "http://127.0.0.1:9/hook", "events", List.of("ticket.*"), "private", false))).expect(201).str("/id");
    ConsoleClient b = new ConsoleClient(node.baseUrl());
    b.signIn(TestNode.OWNER_TOKEN);
    b.get(WebhookFormRoutes.BASE + "/" + webhook);
    var r = b.post(WebhookFormRoutes.BASE + "/" + webhook + "/recover",
        Map.of("_csrf", b.csrf, "since", "+999999999-01-01T00:00"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains("between 1970 and 9999");
  }
}
