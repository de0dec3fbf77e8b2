package dev.hookdesk.live;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} live streams open at once per key (a desk session, a visitor): each
 * stream holds a place from before it subscribes until it ends, so one browser cannot make a
 * node keep an unbounded number of subscribers.
 */
public final class StreamLimit {
  private final int max;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  public StreamLimit(int max) {
    this.max = max;
  }

  public int max() {
    return max;
  }

  /** A place for one more stream of {@code key}, or empty when it has {@code max} open; close the place when the stream ends. */
  public Optional<Place> take(String key) {
    boolean[] taken = {false};
    open.compute(key, (k, n) -> {
      int count = n == null ? 0 : n;
      if (count >= max) return n;
      taken[0] = true;
      return count + 1;
    });
    if (!taken[0]) return Optional.empty();
    boolean[] released = {false};
    return Optional.of(() -> {
      if (released[0]) return;
      released[0] = true;
      open.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    });
  }

  /** One open stream's place. */
  @FunctionalInterface
  public interface Place extends AutoCloseable {
    @Override
    void close();
  }
}
