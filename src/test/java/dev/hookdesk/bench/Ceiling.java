package dev.hookdesk.bench;

import dev.hookdesk.webhooks.send.EgressGuard;
import dev.hookdesk.webhooks.send.JettyWebhookSender;
import dev.hookdesk.webhooks.send.OutboundRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The no-database ceiling: the engine's HTTP client (JettyWebhookSender) posting the signed
 * requests the receiver kept, to the same receiver, with as many in flight as the engine allows.
 */
final class Ceiling {
  private Ceiling() {}

  /** Sends {@code total} requests (cycling through the samples); returns requests per second. */
  static double run(BenchReceiver receiver, List<BenchReceiver.Sample> samples, int total,
      int inFlight) throws Exception {
    if (samples.isEmpty()) throw new IllegalStateException("no samples for the ceiling run");
    String base = receiver.url(0);
    base = base.substring(0, base.indexOf("/hook/"));
    try (JettyWebhookSender sender = new JettyWebhookSender(new EgressGuard(List.of("127.0.0.0/8")),
        Optional.empty(), Duration.ofSeconds(10), 64)) {
      Semaphore permits = new Semaphore(inFlight);
      LongAdder failed = new LongAdder();
      var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        BenchReceiver.Sample s = samples.get(i % samples.size());
        permits.acquire();
        sender.send(new OutboundRequest(base + s.path(), s.headers(), s.body(), Duration.ofSeconds(10)))
            .whenComplete((r, t) -> {
              if (t != null || !r.success()) {
                if (failed.sum() == 0) firstError.compareAndSet(null, t != null ? t.toString() : r.status() + " " + r.error());
                failed.increment();
              }
              permits.release();
            });
      }
      permits.acquire(inFlight);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (failed.sum() > 0) {
        System.out.println("  ceiling: " + failed.sum() + " requests failed, the first: " + firstError.get());
      }
      return total / seconds;
    }
  }
}
