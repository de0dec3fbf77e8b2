package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a hostile receiver answers is recorded as it was sent, and never stops the recording of others. */
@DbTest
class ReceiverContentTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aBodyWithNulAndBytesThatAreNotUtf8IsRecordedVisiblyAndOtherWebhooksKeepFlowing() throws Exception {
    byte[] hostile = {'o', 'k', 0, 'b', 'a', 'd', (byte) 0xff, ' ', '\\', 'x', ' ', (byte) 0xc3, (byte) 0xa9};
    try (Receiver bad = Receiver.rawAnswering(hostile); Receiver good = Receiver.answering(200)) {
      Api api = node.admin();
      String badHook = Hooks.register(api, bad.url(), List.of("1s"));
      String goodHook = Hooks.register(api, good.url(), List.of("1s"));
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, badHook, 1, "succeeded", 10_000).get(0);
      Hooks.awaitStatus(api, goodHook, 1, "succeeded", 10_000);
      JsonNode attempt = api.get("/deliveries/" + d.get("id").asText()).expect(200).at("/attempts/0");
      // NUL and the byte that is not UTF-8 as \xNN; a backslash before x doubled, so it reads back
      assertThat(attempt.get("response_body").asText()).isEqualTo("ok\\x00bad\\xFF \\\\x é");
      assertThat(attempt.get("outcome").asText()).isEqualTo("success");

      // the results kept being written: the next event reaches both once, nothing is resent
      Hooks.fire(api, "Ana");
      Hooks.awaitStatus(api, badHook, 2, "succeeded", 10_000);
      Hooks.awaitStatus(api, goodHook, 2, "succeeded", 10_000);
      assertThat(good.count()).isEqualTo(2);
      assertThat(bad.requests()).hasSize(2);
    }
  }
}
