package dev.hookdesk.webhooks.send;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one request: pooled connections per host, connect and total timeouts, no
 * redirects followed, response read up to 64 KiB, egress guard on the connected address.
 * Never completes exceptionally: failures are an {@link AttemptResult} with an error.
 */
public interface WebhookSender {
  CompletableFuture<AttemptResult> send(OutboundRequest request);
}
