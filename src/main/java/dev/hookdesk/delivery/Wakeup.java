package dev.hookdesk.delivery;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** An in-process signal that wakes an idle worker; a signal sent while it works is kept. */
final class Wakeup {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signalled = lock.newCondition();
  private boolean pending;

  void signal() {
    lock.lock();
    try {
      pending = true;
      signalled.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until a signal or the timeout; returns at once if a signal is pending. */
  void await(long millis) throws InterruptedException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, millis));
      while (!pending && nanos > 0) nanos = signalled.awaitNanos(nanos);
      pending = false;
    } finally {
      lock.unlock();
    }
  }
}
