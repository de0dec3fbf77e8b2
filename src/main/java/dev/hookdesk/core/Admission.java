package dev.hookdesk.core;

import java.util.concurrent.Callable;

/**
 * Whether the work on this thread answers a client that can retry (an HTTP request): such work
 * may be refused with {@link DomainException.Busy} when the node cannot take it soon. Background
 * work (the delivery engine, timers) is never refused; it waits.
 */
public final class Admission {
  private static final ThreadLocal<Boolean> REFUSABLE = new ThreadLocal<>();

  private Admission() {}

  /** Runs a client's request: what it writes may be refused. */
  public static <T> T refusable(Callable<T> work) throws Exception {
    Boolean before = REFUSABLE.get();
    REFUSABLE.set(Boolean.TRUE);
    try {
      return work.call();
    } finally {
      if (before == null) REFUSABLE.remove(); else REFUSABLE.set(before);
    }
  }

  public static boolean isRefusable() {
    return REFUSABLE.get() != null;
  }
}
