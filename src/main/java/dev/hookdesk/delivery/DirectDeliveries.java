package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Ids;
import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.WebhookDirectory;
import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records requests sent outside the queue (decision calls, SPEC §6) in the delivery log:
 * one finished delivery with its single attempt, never retried. They show up in
 * {@code GET /webhooks/{id}/deliveries} and {@code GET /deliveries/{id}} like any other, and
 * a {@code 410 Gone} disables the webhook as it does for queued deliveries ({@link RetryPolicy}).
 */
public final class DirectDeliveries {
  private static final Logger log = LoggerFactory.getLogger(DirectDeliveries.class);
  private final Database db;
  private final DeliveryRecords records;
  private final WebhookDirectory directory;

  public DirectDeliveries(Database db, WebhookDirectory directory, Ids ids, ObjectMapper mapper) {
    this.db = Objects.requireNonNull(db);
    this.directory = Objects.requireNonNull(directory);
    this.records = new DeliveryRecords(Objects.requireNonNull(ids), Objects.requireNonNull(mapper));
  }

  /** What was sent and how it ended; {@code result} null when the call was skipped. */
  public record Call(String deliveryId, String workspaceId, String webhookId, String eventId,
      String eventType, Instant eventAt, OutboundRequest request, AttemptResult result,
      Instant startedAt, boolean succeeded, String note) {}

  /**
   * {@code note}: why the call did not count as a success (it becomes the delivery's last error).
   * When the database refuses what the call carried, it is recorded with a note instead.
   */
  public void record(Call c) {
    try {
      write(c, false);
    } catch (RuntimeException e) {
      if (Refusal.of(e).isEmpty()) throw e;
      log.warn("the database refused the record of call {}; recording it without its content: {}",
          c.deliveryId(), e.getMessage());
      write(c, true);
    }
  }

  private void write(Call c, boolean refused) {
    db.inTransaction(h -> {
      records.insertFinished(h, c, refused);
      if (c.result() != null && RetryPolicy.gone(c.result())) {
        // the service is gone; later chats use the built-in routing
        OutcomeStore.disableIfEnabled(directory, h, c.webhookId(), WebhookDirectory.GONE);
      }
      return null;
    });
  }
}
