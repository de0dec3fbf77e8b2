package dev.hookdesk.console;

import dev.hookdesk.core.Ids;
import dev.hookdesk.core.SecretDigest;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import dev.hookdesk.workspaces.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side browser sessions, keyed by the SHA-256 of the cookie value: opened by an API
 * token (the console's sign-in for automation) or by an agent's password. Whatever opened a
 * session is re-checked on every request: a revoked token or a deactivated agent ends it.
 */
final class ConsoleSessions {
  /** A session ends this long after sign-in, whatever happens in between. */
  static final Duration LIFETIME = Duration.ofHours(12);
  /** A session nobody used for this long ends. */
  static final Duration IDLE = Duration.ofMinutes(30);
  /** last_seen_at is written at most this often, not on every request. */
  private static final Duration TOUCH = Duration.ofMinutes(1);

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final TokenService tokens;
  private final AgentService agents;
  private final SessionEnds ends;

  ConsoleSessions(Jdbi jdbi, Ids ids, Clock clock, TokenService tokens, AgentService agents,
      SessionEnds ends) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.tokens = Objects.requireNonNull(tokens);
    this.agents = Objects.requireNonNull(agents);
    this.ends = Objects.requireNonNull(ends);
  }

  /** A new token session; returns the cookie value, which is stored nowhere but in the browser. */
  String open(Principal principal) {
    return insert(principal.tokenId(), null, principal.workspaceId());
  }

  /** A new session of an agent who gave their password. */
  String openFor(String workspaceId, String agentId) {
    return insert(null, agentId, workspaceId);
  }

  private String insert(String tokenId, String agentId, String workspaceId) {
    String cookie = random();
    Instant now = clock.instant();
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM console_sessions WHERE expires_at < :now").bind("now", now).execute();
      h.createUpdate("""
              INSERT INTO console_sessions (id_hash, token_id, agent_id, workspace_id, csrf_token,
                created_at, expires_at, last_seen_at)
              VALUES (:id, :token, :agent, :ws, :csrf, :now, :expires, :now)""")
          .bind("id", hash(cookie)).bind("token", tokenId).bind("agent", agentId)
          .bind("ws", workspaceId).bind("csrf", random())
          .bind("now", now).bind("expires", now.plus(LIFETIME)).execute();
    });
    return cookie;
  }

  /**
   * The live session of a cookie; none when unknown, expired, idle too long, or its door closed.
   * Finding it counts as activity.
   */
  Optional<ConsoleSession> find(String cookie) {
    if (cookie == null || cookie.isEmpty() || cookie.length() > 100) return Optional.empty();
    return find(hash(cookie), true);
  }

  /** Whether a session found earlier still lets its browser in; asking does not count as activity. */
  boolean stillOpen(ConsoleSession session) {
    return find(session.idHash(), false).isPresent();
  }

  private Optional<ConsoleSession> find(String idHash, boolean activity) {
    Instant now = clock.instant();
    record Row(String tokenId, String agentId, String workspaceId, String csrf, Instant lastSeen) {}
    Optional<Row> row = jdbi.withHandle(h -> h.createQuery("""
            SELECT token_id, agent_id, workspace_id, csrf_token, created_at, last_seen_at
            FROM console_sessions WHERE id_hash = :id AND expires_at > :now""")
        .bind("id", idHash).bind("now", now)
        .map((rs, ctx) -> new Row(rs.getString("token_id"), rs.getString("agent_id"),
            rs.getString("workspace_id"), rs.getString("csrf_token"),
            (rs.getTimestamp("last_seen_at") != null ? rs.getTimestamp("last_seen_at")
                : rs.getTimestamp("created_at")).toInstant()))
        .findOne());
    if (row.isEmpty() || !row.get().lastSeen().isAfter(now.minus(IDLE))) return Optional.empty();
    Row r = row.get();
    Optional<ConsoleSession> session = r.agentId() != null
        ? agents.find(r.workspaceId(), r.agentId()).filter(a -> a.active() && !a.isBot())
            .map(a -> new ConsoleSession(idHash, agentPrincipal(r.workspaceId(), a), r.csrf(),
                a.name()))
        : tokens.principal(r.tokenId()).map(p -> new ConsoleSession(idHash, p, r.csrf(),
            p.role().key() + " token " + p.tokenId()));
    if (activity && session.isPresent() && r.lastSeen().isBefore(now.minus(TOUCH))) touch(idHash, now);
    return session;
  }

  /** What a password session may do: its agent's role, acting as that agent. */
  static Principal agentPrincipal(String workspaceId, Agent a) {
    return new Principal(a.id(), workspaceId, a.isAdmin() ? Role.ADMIN : Role.AGENT, false,
        Optional.empty(), Optional.of(a.id()));
  }

  private void touch(String idHash, Instant now) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE console_sessions SET last_seen_at = :now WHERE id_hash = :id")
        .bind("now", now).bind("id", idHash).execute());
  }

  void close(ConsoleSession session) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM console_sessions WHERE id_hash = :id")
          .bind("id", session.idHash()).execute();
      ends.sessionEnded(h, session.idHash());
    });
  }

  /** Ends every password session of an agent (password changed, agent deactivated), and their streams. */
  void endAgent(Handle h, String agentId) {
    h.createUpdate("DELETE FROM console_sessions WHERE agent_id = :agent").bind("agent", agentId).execute();
    ends.agentEnded(h, agentId);
  }

  String random() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
  }

  static String hash(String secret) {
    return SecretDigest.of(secret);
  }

}
