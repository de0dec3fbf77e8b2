package dev.hookdesk.bench;

import java.util.BitSet;

/** The numbered messages one reader got of one chat in one direction: each once, in order. */
final class Arrivals {
  private final BitSet seen = new BitSet();
  private int highest;
  private int duplicated;
  private int outOfOrder;

  synchronized void arrived(int n) {
    if (seen.get(n)) {
      duplicated++;
      return;
    }
    if (n < highest) outOfOrder++;
    seen.set(n);
    highest = Math.max(highest, n);
  }

  /** A copy of the numbers seen. */
  synchronized BitSet seen() {
    return (BitSet) seen.clone();
  }

  synchronized int received() {
    return seen.cardinality();
  }

  synchronized int duplicated() {
    return duplicated;
  }

  synchronized int outOfOrder() {
    return outOfOrder;
  }
}
