package dev.hookdesk.decisions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** {@code hookdesk_decisions_total{outcome}} and {@code hookdesk_decision_latency_seconds}. */
final class DecisionMetrics {
  private final MeterRegistry registry;
  private final Timer latency;

  DecisionMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency = Timer.builder("hookdesk.decision.latency")
        .description("time from the decision request to its answer (or the fallback)")
        .publishPercentileHistogram().register(registry);
  }

  void record(Verdict v, Duration took) {
    Counter.builder("hookdesk.decisions").description("decision calls by outcome")
        .tag("outcome", v.outcome()).register(registry).increment();
    latency.record(took);
  }
}
