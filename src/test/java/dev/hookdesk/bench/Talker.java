package dev.hookdesk.bench;

import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One side of one chat (its visitor, or its agent): its messages go out one at a time, so their
 * order is defined, numbered from 1 (every attempt takes the next number, so a POST that failed
 * on the way back yet committed is never confused with a later one); {@link #heard} is what
 * the other side's stream got of them.
 */
final class Talker {
  final ReentrantLock posting = new ReentrantLock();
  final Arrivals heard = new Arrivals();
  /** The chat's agent: how the bench groups chats per agent. */
  final String agentId;
  private int attempts; // under posting
  private final BitSet created = new BitSet(); // under posting: the numbers answered 201

  Talker(String agentId) {
    this.agentId = agentId;
  }

  /** The number of the next message; call with {@link #posting} held. */
  int next() {
    return ++attempts;
  }

  /** The message numbered {@code n} was answered 201; call with {@link #posting} held. */
  void created(int n) {
    created.set(n);
  }

  /** Messages answered 201 that the other side never saw. */
  int lost() {
    posting.lock();
    try {
      BitSet missing = (BitSet) created.clone();
      missing.andNot(heard.seen());
      return missing.cardinality();
    } finally {
      posting.unlock();
    }
  }

  /** Messages the other side saw although their POST was not answered 201 (it failed on the way back). */
  int seenUnconfirmed() {
    posting.lock();
    try {
      BitSet extra = heard.seen();
      extra.andNot(created);
      return extra.cardinality();
    } finally {
      posting.unlock();
    }
  }
}
