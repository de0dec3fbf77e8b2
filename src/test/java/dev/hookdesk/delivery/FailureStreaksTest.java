package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.Webhook;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5: a webhook failing continuously for five days is disabled. The streak lives in the
 * database and is driven here by the attempts' own instants: days pass without waiting.
 */
class FailureStreaksTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration FIVE_DAYS = Duration.ofDays(5);

  Database db;
  FailureStreaks streaks;

  @BeforeEach
  void open() throws Exception {
    String url = "jdbc:h2:file:" + Files.createTempDirectory("hookdesk-streaks").resolve("db")
        + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE";
    db = Database.open(url, Optional.empty(), Optional.empty(), 2);
    db.migrate();
    streaks = new FailureStreaks(db.dialect(), FIVE_DAYS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aWebhookFailingForFiveDaysIsDisabledOnceAndItsStreakStartsAgain() {
    assertThat(record(failed("whk_a", T0))).isEmpty();
    assertThat(record(failed("whk_a", T0.plus(FIVE_DAYS).minusSeconds(1)))).as("a second short").isEmpty();

    Map<String, String> disabled = record(failed("whk_a", T0.plus(FIVE_DAYS)));
    assertThat(disabled).containsOnlyKeys("whk_a");
    assertThat(disabled.get("whk_a")).contains("failing continuously since " + T0).contains("5 days");

    // re-enabled by an admin and still failing: a new five days, not at once
    assertThat(record(failed("whk_a", T0.plus(FIVE_DAYS).plusSeconds(60)))).isEmpty();
  }

  @Test
  void aSuccessEndsTheStreak() {
    record(failed("whk_a", T0));
    record(succeeded("whk_a", T0.plus(Duration.ofDays(3))));
    Instant again = T0.plus(Duration.ofDays(4));
    assertThat(record(failed("whk_a", again))).isEmpty();
    assertThat(record(failed("whk_a", T0.plus(FIVE_DAYS).plusSeconds(1)))).as("counted from the failure after the success")
        .isEmpty();
    assertThat(record(failed("whk_a", again.plus(FIVE_DAYS)))).containsOnlyKeys("whk_a");
  }

  @Test
  void eachWebhookHasItsOwnStreak() {
    record(failed("whk_a", T0));
    record(failed("whk_b", T0.plus(Duration.ofDays(2))));
    Instant day5 = T0.plus(FIVE_DAYS);
    assertThat(record(List.of(failed("whk_a", day5), failed("whk_b", day5), succeeded("whk_c", day5))))
        .containsOnlyKeys("whk_a");
  }

  private Map<String, String> record(Outcome outcome) {
    return record(List.of(outcome));
  }

  /** The engine records a batch's latest attempts with the batch's time: here the last attempt's. */
  private Map<String, String> record(List<Outcome> latest) {
    Instant now = latest.stream().map(Outcome::startedAt).max(Instant::compareTo).orElseThrow();
    return db.inTransaction(h -> streaks.record(h, latest, now));
  }

  private static Outcome failed(String webhookId, Instant at) {
    return attempt(webhookId, at, 500);
  }

  private static Outcome succeeded(String webhookId, Instant at) {
    return attempt(webhookId, at, 200);
  }

  private static Outcome attempt(String webhookId, Instant at, int status) {
    Webhook w = new Webhook(webhookId, "ws_1", null, "global", "https://example.com/hook", null,
        List.of("ticket.created"), List.of(), false, Map.of(), true, 10_000, Webhook.DEFAULT_RETRY_SCHEDULE,
        T0.minus(Duration.ofDays(30)), null);
    AttemptResult result = new AttemptResult(status, Map.of(), new byte[0], 5, null, Optional.empty());
    return Outcome.attempted(null, w, null, result, at);
  }
}
