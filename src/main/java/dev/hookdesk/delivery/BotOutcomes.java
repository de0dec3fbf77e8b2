package dev.hookdesk.delivery;

import dev.hookdesk.store.Database;
import dev.hookdesk.webhooks.send.AttemptResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outcome of one bot call in a transaction of its own, and in that same transaction
 * has the bots feature act on it: the bot's answer is posted (and a handoff made), or, once the
 * call failed for good, the chat goes to a human. Removing the queue row this node still holds
 * is the guard: of two nodes that both got an answer (one was declared dead meanwhile), only
 * the holder's transaction acts, so an answer is acted on exactly once.
 *
 * <p>Alone, not in the webhook batch: acting locks the chat and its workspace, and one batch
 * touching several chats could deadlock with another.
 */
final class BotOutcomes {
  private static final Logger log = LoggerFactory.getLogger(BotOutcomes.class);
  private static final String SAVEPOINT = "bot_answer";

  private final Database db;
  private final DeliveryRecords records;
  private final RetryPolicy policy;
  private final BotRecipient bots;
  private final Clock clock;

  BotOutcomes(Database db, DeliveryRecords records, RetryPolicy policy, BotRecipient bots,
      Clock clock) {
    this.db = db;
    this.records = records;
    this.policy = policy;
    this.bots = bots;
    this.clock = clock;
  }

  void write(Outcome o, boolean refused) {
    Instant now = clock.instant();
    Claimed c = o.claimed();
    Decision decided = o.deferUntil() != null ? null
        : !o.isAttempt() ? Decision.done(DeliveryStatus.FAILED)
        : policy.decide(RetryPolicy.BOT_SCHEDULE, c.attemptNumber(), false, o.result(), now);
    db.inTransaction(h -> {
      Instant due = decided == null ? o.deferUntil() : decided.nextAttemptAt();
      boolean held = records.settle(h, List.of(new DeliveryRecords.Settle(c.deliveryId(),
          c.claimedBy(), due)))[0];
      AttemptResult r = o.result();
      if (o.isAttempt()) {
        records.insertAttempts(h, List.of(new DeliveryRecords.AttemptRow(c.deliveryId(),
            c.attemptNumber(), o.request(), r, o.startedAt(), AttemptRows.errorOf(r), refused)));
      }
      if (!held || decided == null) return null;
      Decision d = decided;
      DeliveryRecords.Progress row = OutcomeStore.progress(o, d, refused);
      if (d.status() == DeliveryStatus.SUCCEEDED) {
        Optional<String> problem = act(h, c, () -> bots.answered(h, c.botCall(), r));
        if (problem.isPresent()) {
          // A 2xx the chat cannot use is a broken bot, not a flaky one: a human takes over now.
          act(h, c, () -> {
            bots.gaveUp(h, c.botCall());
            return Optional.empty();
          });
          row = new DeliveryRecords.Progress(row.deliveryId(), DeliveryStatus.FAILED, row.tried(),
              null, row.lastAttemptAt(), row.code(), problem.get());
        }
      } else if (d.nextAttemptAt() == null) {
        act(h, c, () -> {
          bots.gaveUp(h, c.botCall());
          return Optional.empty();
        });
      }
      records.progress(h, List.of(row), now);
      return null;
    });
  }

  /**
   * Runs what the bots feature does with the chat behind a savepoint: a chat that moved on
   * meanwhile (ended, the bot left) must not undo the record of the call.
   */
  private static Optional<String> act(Handle h, Claimed c, Supplier<Optional<String>> action) {
    h.savepoint(SAVEPOINT);
    try {
      Optional<String> problem = action.get();
      h.release(SAVEPOINT);
      return problem;
    } catch (RuntimeException e) {
      h.rollbackToSavepoint(SAVEPOINT);
      log.info("bot call {} on chat {}: not acted on ({})", c.deliveryId(), c.chatId(), e.getMessage());
      return Optional.empty();
    }
  }
}
