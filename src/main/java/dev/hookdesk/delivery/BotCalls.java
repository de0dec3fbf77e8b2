package dev.hookdesk.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.Ids;
import dev.hookdesk.events.Event;
import dev.hookdesk.http.Page;
import dev.hookdesk.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/**
 * The engine's door for bot calls (SPEC §6): a call is queued in the transaction of the chat
 * event that causes it, so it survives any crash after that commit; the engine sends it, retries
 * it briefly ({@link RetryPolicy#BOT_SCHEDULE}) and has the {@link BotRecipient} act on the
 * answer. Each call is a delivery with its attempts in the delivery log.
 */
public final class BotCalls {
  private final Database db;
  private final DeliveryRecords records;
  private final DeliveryLog log;
  private final Clock clock;
  private final List<Runnable> queued = new CopyOnWriteArrayList<>();

  public BotCalls(Database db, Ids ids, ObjectMapper mapper, Clock clock) {
    this.db = Objects.requireNonNull(db);
    this.records = new DeliveryRecords(Objects.requireNonNull(ids), Objects.requireNonNull(mapper));
    this.log = new DeliveryLog(db, mapper);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Told after a transaction that queued calls committed (wakes this node's dispatcher). */
  void onQueued(Runnable listener) {
    queued.add(listener);
  }

  /** Queues a call of the bot about this chat event, in the caller's (the event's) transaction. */
  public void queue(Handle h, String agentId, String chatId, Event event) {
    records.queueBotCall(h, records.newId(), agentId, chatId, event, clock.instant());
    db.dialect().notify(h, FanOut.CHANNEL);
    h.afterCommit(() -> queued.forEach(Runnable::run));
  }

  /** The bot's calls, newest first ({@code GET /agents/{id}/deliveries}). */
  public Page.Result<Delivery> list(String agentId, Optional<String> status, Page page) {
    if (status.isPresent() && !DeliveryStatus.keys().contains(status.get())) {
      throw new Invalid("status", "'" + status.get() + "' is not a delivery status; use one of "
          + String.join(", ", DeliveryStatus.keys()));
    }
    return log.listOfAgent(agentId, status, page);
  }
}
