package dev.hookdesk.webhooks.send;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Sends one request: pooled connections per host, connect and total timeouts, no
 * redirects followed, response read up to 64 KiB, egress guard on the connected address.
 * Never completes exceptionally: failures are an {@link AttemptResult} with an error.
 */
public interface WebhookSender {
  /** The error of a request {@code stillWanted} withdrew before it went out: nothing was sent. */
  String WITHDRAWN = "withdrawn: not sent, this node no longer held the delivery";

  CompletableFuture<AttemptResult> send(OutboundRequest request);

  /**
   * Sends unless {@code stillWanted} says no at the moment the request would go out on a
   * connection (it may wait in the client's queue first); then the result's error is
   * {@link #WITHDRAWN}.
   */
  CompletableFuture<AttemptResult> send(OutboundRequest request, BooleanSupplier stillWanted);
}
