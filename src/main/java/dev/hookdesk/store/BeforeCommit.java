package dev.hookdesk.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Work a transaction does last, after everything else it does and just before its commit: what
 * holds a contended lock until the commit (a workspace's event sequence) holds it for as short a
 * time as possible. It runs in the transaction, so its failure rolls everything back.
 */
public final class BeforeCommit {
  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private record Scope(Handle handle, Map<Object, Consumer<Handle>> byKey, List<Consumer<Handle>> work) {}

  private BeforeCommit() {}

  /**
   * The work registered under {@code key} in the handle's transaction, made and registered by
   * {@code make} if there is none yet; empty when the handle runs no transaction of
   * {@link Database} (do the work at once then).
   */
  public static <T extends Consumer<Handle>> Optional<T> get(Handle h, Object key, Supplier<T> make) {
    Scope s = CURRENT.get();
    if (s == null || s.handle() != h || !h.isInTransaction()) return Optional.empty();
    @SuppressWarnings("unchecked")
    T work = (T) s.byKey().computeIfAbsent(key, k -> {
      T made = make.get();
      s.work().add(made);
      return made;
    });
    return Optional.of(work);
  }

  /** The callback of an outermost transaction, followed by the work it registered. */
  static <R, X extends Exception> HandleCallback<R, X> around(HandleCallback<R, X> callback) {
    return h -> {
      Scope outer = CURRENT.get();
      Scope scope = new Scope(h, new IdentityHashMap<>(), new ArrayList<>());
      CURRENT.set(scope);
      try {
        R result = callback.withHandle(h);
        for (int i = 0; i < scope.work().size(); i++) scope.work().get(i).accept(h);
        return result;
      } finally {
        if (outer == null) CURRENT.remove(); else CURRENT.set(outer);
      }
    };
  }
}
