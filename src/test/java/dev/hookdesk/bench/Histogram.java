package dev.hookdesk.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in 0.1 ms buckets up to 100 ms, then 1 ms buckets up to 10 minutes; thread-safe. */
final class Histogram {
  private static final int FINE = 1000;
  private static final int COARSE = 600_000;
  private final AtomicLongArray buckets = new AtomicLongArray(FINE + COARSE);

  void record(long micros) {
    long m = Math.max(0, micros);
    int i = m < 100_000 ? (int) (m / 100) : (int) Math.min(FINE + COARSE - 1, FINE + (m - 100_000) / 1000);
    buckets.incrementAndGet(i);
  }

  /** Adds another histogram's counts to this one. */
  void merge(Histogram other) {
    for (int i = 0; i < buckets.length(); i++) buckets.addAndGet(i, other.buckets.get(i));
  }

  long count() {
    long n = 0;
    for (int i = 0; i < buckets.length(); i++) n += buckets.get(i);
    return n;
  }

  /** The upper bound of the bucket holding this quantile, in milliseconds. */
  double quantileMillis(double q) {
    long total = count();
    if (total == 0) return Double.NaN;
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < buckets.length(); i++) {
      seen += buckets.get(i);
      if (seen >= rank) return i < FINE ? (i + 1) / 10.0 : 100 + (i - FINE + 1);
    }
    return Double.NaN;
  }

  String summary() {
    return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (n=%d)",
        quantileMillis(0.50), quantileMillis(0.95), quantileMillis(0.99), count());
  }
}
