package dev.hookdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that finds no free database connection is told to come back (503 problem+json with
 * Retry-After), soon, and nothing of it is written: an overloaded node, not a broken one.
 */
@DbTest
class NoConnectionTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api api = node.admin();

  @Test
  void aRequestThatFindsNoConnectionIsAnswered503WithRetryAfterAndWritesNothing() throws Exception {
    api.post("/contacts", Api.json(Map.of("name", "Before"))).expect(201);
    long took;
    Api.Res r;
    try (TestNode.Held held = node.holdRequestConnections()) {
      long t0 = System.nanoTime();
      r = api.post("/contacts", Api.json(Map.of("name", "Refused")));
      took = (System.nanoTime() - t0) / 1_000_000;
    }
    r.problem(503, null);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(r.str("/detail")).contains("retry in 1 s");
    assertThat(took).as("ms waited for a connection").isLessThan(5_000);

    assertThat(api.get("/contacts?limit=100").expect(200).at("/data").findValuesAsText("name"))
        .contains("Before").doesNotContain("Refused");
    // connections are back: the same request succeeds
    api.post("/contacts", Api.json(Map.of("name", "After"))).expect(201);
  }
}
