package dev.hookdesk.delivery;

import dev.hookdesk.webhooks.send.AttemptResult;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What the engine needs from the bots feature to send a bot call and settle it. The engine
 * owns the queue, the sender and the attempt log; the bots feature owns where a bot is, how it
 * signs and what its answer means for the chat.
 */
public interface BotRecipient {
  /**
   * The signed request for this attempt, or empty when the bot has no business with it any more;
   * read on the engine's handle (its own pool), never on connections requests may hold.
   */
  Optional<OutboundRequest> request(Handle h, BotCall call, int attempt, Instant now);

  /**
   * Acts on a 2xx answer, in the transaction that records it (so exactly once); returns why
   * the answer could not be used, or empty. Called only for the transition that finished the call.
   */
  Optional<String> answered(Handle h, BotCall call, AttemptResult result);

  /** The call failed for good (its retries spent, or refused): the chat goes to a human. */
  void gaveUp(Handle h, BotCall call);
}
