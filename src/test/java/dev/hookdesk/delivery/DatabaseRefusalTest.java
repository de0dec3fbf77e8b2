package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.LogLines;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An attempt the database refuses to store (here: a check constraint the test adds) costs only
 * its own content: the other results of the batch commit, it is recorded with a note, and no
 * log line carries the values bound to the refused statement.
 */
@DbTest
class DatabaseRefusalTest {
  static final String SECRET = "sk_url_secret_4242";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void aRefusedAttemptIsRecordedWithANoteTheOthersCommitAndTheLogHoldsNoBoundValue() throws Exception {
    node.node().database().inTransaction(h -> h.execute("ALTER TABLE delivery_attempts ADD CONSTRAINT"
        + " refuse_marked CHECK (response_body IS NULL OR response_body NOT LIKE '%refuse-me%')"));
    try (LogLines logs = LogLines.capture();
         Receiver bad = Receiver.rawAnswering("refuse-me".getBytes(StandardCharsets.UTF_8));
         Receiver good = Receiver.answering(200)) {
      Api api = node.admin();
      String badHook = Hooks.register(api, bad.url() + "?key=" + SECRET, List.of("1s"));
      String goodHook = Hooks.register(api, good.url(), List.of("1s"));
      Hooks.fire(api, "Maria");

      JsonNode d = Hooks.awaitStatus(api, badHook, 1, "succeeded", 10_000).get(0);
      Hooks.awaitStatus(api, goodHook, 1, "succeeded", 10_000);
      JsonNode attempt = api.get("/deliveries/" + d.get("id").asText()).expect(200).at("/attempts/0");
      assertThat(attempt.get("response_status").asInt()).isEqualTo(200);
      assertThat(attempt.get("response_body").asText()).startsWith("not recorded: the database refused");
      assertThat(good.count()).isEqualTo(1);
      assertThat(bad.requests()).hasSize(1);

      assertThat(logs.lines()).as("the refusal is logged").anyMatch(l -> l.contains(d.get("id").asText()));
      assertThat(logs.lines()).noneMatch(l -> l.contains(SECRET));
    }
  }
}
