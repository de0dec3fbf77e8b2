package dev.hookdesk.delivery;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * How many more sends this node takes right now, in total and per webhook, counted down
 * while one fan-out round decides which new deliveries it leases to itself and sends at once.
 * Whatever does not fit stays queued for the dispatcher's claims.
 */
final class Room {
  private final Isolation isolation;
  private final Instant now;
  private final Map<String, Integer> perWebhook = new HashMap<>();
  private int free;

  Room(int free, Isolation isolation, Instant now) {
    this.free = free;
    this.isolation = isolation;
    this.now = now;
  }

  /** Takes a slot for one send to the webhook, if there is one. */
  boolean take(String webhookId) {
    if (free <= 0) return false;
    int left = perWebhook.computeIfAbsent(webhookId, id -> isolation.headroom(id, now));
    if (left <= 0) return false;
    perWebhook.put(webhookId, left - 1);
    free--;
    return true;
  }
}
