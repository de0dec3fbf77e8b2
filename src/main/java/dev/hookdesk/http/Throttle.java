package dev.hookdesk.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * At most {@code perMinute} requests a minute per key (a token bucket refilled evenly, so a
 * burst of a minute's worth is allowed, then one request each {@code 60/perMinute} seconds).
 * Remembers the {@code maxKeys} most recently used keys: a caller spraying keys (addresses,
 * made-up bin ids) cannot grow it, at worst it resets a bucket it never filled itself.
 * Per node: several nodes each allow the rate.
 */
public final class Throttle {
  private final double perSecond;
  private final int capacity;
  private final Clock clock;
  private final Map<String, Bucket> buckets;

  private static final class Bucket {
    double tokens;
    long atNanos;

    Bucket(double tokens, long atNanos) {
      this.tokens = tokens;
      this.atNanos = atNanos;
    }
  }

  public Throttle(int perMinute, int maxKeys, Clock clock) {
    if (perMinute < 1 || maxKeys < 1) throw new IllegalArgumentException("perMinute and maxKeys must be positive");
    this.capacity = perMinute;
    this.perSecond = perMinute / 60.0;
    this.clock = Objects.requireNonNull(clock);
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** Takes one request for the key: empty when allowed, else how long until one would be. */
  public synchronized Optional<Duration> acquire(String key) {
    Objects.requireNonNull(key);
    long now = nanos();
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
    b.tokens = Math.min(capacity, b.tokens + (now - b.atNanos) / 1e9 * perSecond);
    b.atNanos = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return Optional.empty();
    }
    long waitSeconds = (long) Math.ceil((1 - b.tokens) / perSecond);
    return Optional.of(Duration.ofSeconds(Math.max(1, waitSeconds)));
  }

  /** Takes one request for the key, or answers 429 with {@code Retry-After}: "Too many requests {what}". */
  public void check(Context ctx, String key, String what) {
    Optional<Duration> wait = acquire(key);
    if (wait.isEmpty()) return;
    long seconds = wait.get().toSeconds();
    ctx.header("Retry-After", Long.toString(seconds));
    throw new HttpResponseException(429, "Too many requests " + what + " (at most "
        + capacity + " a minute); retry in " + seconds + " s");
  }

  synchronized int size() {
    return buckets.size();
  }

  private long nanos() {
    var i = clock.instant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
