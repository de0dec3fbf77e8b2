package dev.hookdesk.delivery;

import dev.hookdesk.store.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * SPEC §5: a webhook that keeps failing for {@code disableAfter} (5 days) is disabled. Each
 * webhook's streak starts at its first failure after a success and ends with the next success;
 * it lives in the database so every node sees the same streak.
 */
final class FailureStreaks {
  private final Dialect dialect;
  private final Duration disableAfter;

  FailureStreaks(Dialect dialect, Duration disableAfter) {
    this.dialect = dialect;
    this.disableAfter = disableAfter;
  }

  /** Records the latest attempt per webhook; returns the webhooks to disable, with the reason. */
  Map<String, String> record(Handle h, Collection<Outcome> latest, Instant now) {
    Map<String, String> disable = new LinkedHashMap<>();
    List<String> succeeded = latest.stream().filter(o -> o.result().success())
        .map(o -> o.webhook().id()).toList();
    if (!succeeded.isEmpty()) {
      h.createUpdate("UPDATE webhook_health SET failing_since = NULL WHERE webhook_id IN (<ids>)"
          + " AND failing_since IS NOT NULL").bindList("ids", succeeded).execute();
    }
    for (Outcome o : latest) {
      String id = o.webhook().id();
      if (o.result().success()) continue;
      h.createUpdate(dialect.insertIfAbsent("webhook_health", "webhook_id, failing_since",
          ":id, :now", "webhook_id")).bind("id", id).bind("now", o.startedAt()).execute();
      h.createUpdate("UPDATE webhook_health SET failing_since = :now WHERE webhook_id = :id"
          + " AND failing_since IS NULL").bind("id", id).bind("now", o.startedAt()).execute();
      Instant since = h.createQuery("SELECT failing_since FROM webhook_health WHERE webhook_id = :id")
          .bind("id", id).mapTo(OffsetDateTime.class).one().toInstant();
      if (!since.plus(disableAfter).isAfter(now)) {
        disable.put(id, "failing continuously since " + since + " (" + disableAfter.toDays() + " days)");
        h.createUpdate("UPDATE webhook_health SET failing_since = NULL WHERE webhook_id = :id")
            .bind("id", id).execute();
      }
    }
    return disable;
  }
}
