package dev.hookdesk.delivery;

import dev.hookdesk.webhooks.send.AttemptResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The engine's meters: queue depth and due-now (sampled), in flight, attempts, latency. */
final class DeliveryMetrics {
  private final Map<String, Counter> attempts;
  private final Timer latency;
  private final AtomicLong depth = new AtomicLong();
  private final AtomicLong dueNow = new AtomicLong();

  DeliveryMetrics(MeterRegistry registry) {
    attempts = Map.of(
        AttemptOutcome.SUCCESS, counter(registry, AttemptOutcome.SUCCESS),
        AttemptOutcome.HTTP_ERROR, counter(registry, AttemptOutcome.HTTP_ERROR),
        AttemptOutcome.NETWORK_ERROR, counter(registry, AttemptOutcome.NETWORK_ERROR));
    latency = Timer.builder("hookdesk.delivery.latency")
        .description("From the event's commit to the receiver's 2xx")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofDays(3))
        .register(registry);
    Gauge.builder("hookdesk.delivery.queue.depth", depth, AtomicLong::get)
        .description("Deliveries waiting for an attempt (all nodes)").register(registry);
    Gauge.builder("hookdesk.delivery.queue.due", dueNow, AtomicLong::get)
        .description("Deliveries due now (all nodes)").register(registry);
  }

  void bindNode(MeterRegistry registry, Supplier<Number> inFlight, Supplier<Number> openCircuits) {
    Gauge.builder("hookdesk.delivery.in_flight", inFlight).description("Requests this node is sending")
        .register(registry);
    Gauge.builder("hookdesk.webhooks.circuits_open", openCircuits)
        .description("Webhooks this node stopped sending to after a run of failures").register(registry);
  }

  void attempted(AttemptResult r, Instant eventAt, Instant end) {
    attempts.get(AttemptOutcome.of(r)).increment();
    if (r.success()) latency.record(Duration.between(eventAt, end));
  }

  void sample(long queueDepth, long due) {
    depth.set(queueDepth);
    dueNow.set(due);
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("hookdesk.delivery.attempts").tag("outcome", outcome)
        .description("Delivery attempts by outcome").register(registry);
  }
}
