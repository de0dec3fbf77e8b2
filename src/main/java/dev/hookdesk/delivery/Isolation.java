package dev.hookdesk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps one endpoint from taking the node's capacity: a cap on its sends in flight, and a
 * circuit breaker that stops sending after a run of failures and, after a cool-down, lets one
 * probe through. The cool-down starts short and doubles with each failed probe up to its
 * maximum, so an endpoint that was only briefly down (a deploy, a restart) gets its backlog
 * within seconds, while one that stays down is probed rarely. Webhooks it refuses are left out of the next claim, so their deliveries stay
 * queued while the others flow.
 */
final class Isolation {
  static final Duration FIRST_COOLDOWN = Duration.ofSeconds(2);

  private final int cap;
  private final int breakerFailures;
  private final Duration cooldown;
  private final Map<String, Endpoint> endpoints = new HashMap<>();

  private static final class Endpoint {
    int inFlight;
    int failures;
    int opened;
    Instant openUntil;
  }

  Isolation(int cap, int breakerFailures, Duration cooldown) {
    this.cap = cap;
    this.breakerFailures = breakerFailures;
    this.cooldown = cooldown;
  }

  synchronized boolean tryAcquire(String webhookId, Instant now) {
    Endpoint e = endpoints.computeIfAbsent(webhookId, k -> new Endpoint());
    if (!admits(e, now)) return false;
    e.inFlight++;
    return true;
  }

  synchronized void release(String webhookId, boolean success, Instant now) {
    Endpoint e = endpoints.get(webhookId);
    if (e == null) return;
    e.inFlight--;
    if (success) {
      e.failures = 0;
      e.opened = 0;
      e.openUntil = null;
    } else if (++e.failures >= breakerFailures && !isOpen(e, now)) {
      // Sends that were already in flight when it opened do not lengthen the cool-down.
      e.openUntil = now.plus(cooldown(e.opened++));
    }
    if (e.inFlight == 0 && e.failures == 0) endpoints.remove(webhookId);
  }

  /** A send that never went out: it frees its slot and says nothing about the endpoint. */
  synchronized void abandon(String webhookId) {
    Endpoint e = endpoints.get(webhookId);
    if (e == null) return;
    e.inFlight--;
    if (e.inFlight == 0 && e.failures == 0) endpoints.remove(webhookId);
  }

  /** How many more sends the webhook admits now: 0 while its circuit is open or it is at its cap. */
  synchronized int headroom(String webhookId, Instant now) {
    Endpoint e = endpoints.get(webhookId);
    if (e == null) return cap;
    if (e.openUntil != null) return admits(e, now) ? 1 : 0;
    return Math.max(0, cap - e.inFlight);
  }

  /** Webhooks whose deliveries the next claim must skip. */
  synchronized Set<String> excluded(Instant now) {
    Set<String> out = new HashSet<>();
    endpoints.forEach((id, e) -> {
      if (!admits(e, now)) out.add(id);
    });
    return out;
  }

  /** When an open circuit may be probed, if this webhook's is open. */
  synchronized Instant openUntil(String webhookId) {
    Endpoint e = endpoints.get(webhookId);
    return e == null ? null : e.openUntil;
  }

  synchronized int openCircuits(Instant now) {
    return (int) endpoints.values().stream()
        .filter(e -> e.openUntil != null && now.isBefore(e.openUntil)).count();
  }

  private static boolean isOpen(Endpoint e, Instant now) {
    return e.openUntil != null && now.isBefore(e.openUntil);
  }

  private Duration cooldown(int timesOpened) {
    Duration d = FIRST_COOLDOWN.multipliedBy(1L << Math.min(timesOpened, 20));
    return d.compareTo(cooldown) > 0 ? cooldown : d;
  }

  private boolean admits(Endpoint e, Instant now) {
    if (e.openUntil != null) {
      if (now.isBefore(e.openUntil)) return false;
      return e.inFlight == 0; // half-open: a single probe decides
    }
    return e.inFlight < cap;
  }
}
