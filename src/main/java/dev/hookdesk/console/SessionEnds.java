package dev.hookdesk.console;

import dev.hookdesk.store.Database;
import dev.hookdesk.store.Dialect;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * This node's live streams of browser sessions, each ended when its session ends by a write:
 * a sign-out, or every session of an agent (deactivated, a new password, a new invitation).
 * Here once the ending transaction commits; on other nodes by a NOTIFY on {@link #CHANNEL},
 * which PostgreSQL delivers at that commit too. What ends a session without a write — its idle
 * timeout, its lifetime, a revoked token — each stream finds itself at its heartbeat.
 */
final class SessionEnds implements AutoCloseable {
  static final String CHANNEL = "hookdesk_session_ends";
  private static final String SESSION = "session:";
  private static final String AGENT = "agent:";

  /** A stream to end: of this session, and of its agent's when the session is theirs (a password). */
  private record Watch(String session, String agent, Runnable end) {
    boolean endedBy(String key) {
      return key.equals(SESSION + session) || (agent != null && key.equals(AGENT + agent));
    }
  }

  /** A watch, dropped when its stream ends first. */
  public interface Watching extends AutoCloseable {
    @Override
    void close();
  }

  private final Dialect dialect;
  private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
  private final AutoCloseable listener;

  SessionEnds(Dialect dialect, Database listening) {
    this.dialect = Objects.requireNonNull(dialect);
    this.listener = listening.listen(CHANNEL, this::endHere);
  }

  Watching watch(ConsoleSession session, Runnable end) {
    String agent = session.person() ? session.principal().agentId().orElse(null) : null;
    Watch w = new Watch(session.idHash(), agent, Objects.requireNonNull(end));
    watches.add(w);
    return () -> watches.remove(w);
  }

  void sessionEnded(Handle h, String idHash) {
    ended(h, SESSION + idHash);
  }

  void agentEnded(Handle h, String agentId) {
    ended(h, AGENT + agentId);
  }

  private void ended(Handle h, String key) {
    dialect.notify(h, CHANNEL, key);
    h.afterCommit(() -> endHere(key));
  }

  private void endHere(String key) {
    for (Watch w : watches) {
      if (w.endedBy(key) && watches.remove(w)) w.end().run();
    }
  }

  @Override
  public void close() throws Exception {
    listener.close();
  }
}
