package dev.hookdesk.people;

import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.SecretDigest;
import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.desk.agents.AgentService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Agents' passwords and invitation links. An invitation is single-use, expires after
 * {@link #INVITATION_LIFETIME}, and is stored only as the SHA-256 of its secret; issuing one
 * removes the agent's password and ends their sessions, so it doubles as a password reset.
 * Setting a password ends every other session of the agent too.
 */
final class Credentials {
  static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

  /** A fresh invitation: the secret goes into the link and is never stored. */
  record Invitation(String agentId, String secret, Instant expiresAt) {}

  /** Whom an invitation link is for, while it can still be used. */
  record Invited(String workspaceId, Agent agent) {}

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final AgentService agents;
  private final PasswordHasher hasher;
  private final People.SessionEnd sessionEnd;

  Credentials(Jdbi jdbi, Ids ids, Clock clock, AgentService agents, PasswordHasher hasher,
      People.SessionEnd sessionEnd) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.agents = Objects.requireNonNull(agents);
    this.hasher = Objects.requireNonNull(hasher);
    this.sessionEnd = Objects.requireNonNull(sessionEnd);
  }

  Invitation invite(String workspaceId, String agentId) {
    Agent agent = agents.get(workspaceId, agentId);
    if (agent.isBot()) throw new Invalid("agent_id", agentId + " is a bot; only people sign in");
    if (!agent.active()) throw new Conflict(agentId + " is deactivated; set active to true first");
    if (agent.email() == null) {
      throw new Conflict(agentId + " has no email to sign in with; set one with PATCH /agents/" + agentId);
    }
    agents.withEmail(agent.email()).stream()
        .filter(m -> !m.agent().id().equals(agentId) && hasPassword(m.agent().id()))
        .findFirst().ifPresent(m -> {
          throw new Conflict("Another agent (" + m.agent().id() + ") already signs in with "
              + agent.email() + "; give this agent another email");
        });
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
    Instant now = clock.instant();
    Instant expires = now.plus(INVITATION_LIFETIME);
    jdbi.useTransaction(h -> {
      agents.lock(h, workspaceId, agentId);
      h.createUpdate("DELETE FROM agent_invitations WHERE agent_id = :agent").bind("agent", agentId).execute();
      h.createUpdate("DELETE FROM agent_passwords WHERE agent_id = :agent").bind("agent", agentId).execute();
      h.createUpdate("""
              INSERT INTO agent_invitations (id, token_hash, agent_id, workspace_id, created_at, expires_at)
              VALUES (:id, :hash, :agent, :ws, :now, :expires)""")
          .bind("id", ids.next("inv")).bind("hash", hash(secret)).bind("agent", agentId)
          .bind("ws", workspaceId).bind("now", now).bind("expires", expires).execute();
      sessionEnd.end(h, agentId);
    });
    return new Invitation(agentId, secret, expires);
  }

  /** The agent an unused, unexpired invitation is for. */
  Optional<Invited> invited(String secret) {
    return jdbi.withHandle(h -> pending(h, secret, false));
  }

  /**
   * Uses an invitation: sets the password (the caller checked the rules) and marks the link
   * used, in one transaction, so a link works once even when two browsers race.
   */
  Optional<Invited> accept(String secret, String password) {
    String hash = hasher.hash(password);
    return jdbi.inTransaction(h -> {
      Optional<Invited> invited = pending(h, secret, true);
      invited.ifPresent(i -> {
        h.createUpdate("UPDATE agent_invitations SET used_at = :now WHERE token_hash = :hash")
            .bind("now", clock.instant()).bind("hash", hash(secret)).execute();
        setPassword(h, i.workspaceId(), i.agent().id(), hash);
      });
      return invited;
    });
  }

  /** The active agent with this email and password, if exactly that. */
  Optional<AgentService.Member> check(String email, String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > PasswordRules.MAX_BYTES) {
      hasher.spendTheSameTime("x");
      return Optional.empty();
    }
    for (AgentService.Member m : agents.withEmail(email)) {
      Optional<String> stored = storedHash(m.agent().id());
      if (stored.isPresent()) {
        return hasher.matches(password, stored.get()) ? Optional.of(m) : Optional.empty();
      }
    }
    hasher.spendTheSameTime(password);
    return Optional.empty();
  }

  private void setPassword(Handle h, String workspaceId, String agentId, String hash) {
    h.createUpdate("DELETE FROM agent_passwords WHERE agent_id = :agent").bind("agent", agentId).execute();
    h.createUpdate("""
            INSERT INTO agent_passwords (agent_id, workspace_id, password_hash, set_at)
            VALUES (:agent, :ws, :hash, :now)""")
        .bind("agent", agentId).bind("ws", workspaceId).bind("hash", hash)
        .bind("now", clock.instant()).execute();
    sessionEnd.end(h, agentId);
  }

  /** Whether each agent has a password and when their unused invitation expires, if they have one. */
  Map<String, People.SignInState> states(String workspaceId, Collection<String> agentIds) {
    if (agentIds.isEmpty()) return Map.of();
    List<String> ids = List.copyOf(agentIds);
    return jdbi.withHandle(h -> {
      Set<String> passwords = Set.copyOf(h.createQuery("""
              SELECT agent_id FROM agent_passwords
              WHERE workspace_id = :ws AND agent_id IN (<ids>)""")
          .bind("ws", workspaceId).bindList("ids", ids).mapTo(String.class).list());
      Map<String, Instant> invited = new HashMap<>();
      h.createQuery("""
              SELECT agent_id, expires_at FROM agent_invitations
              WHERE workspace_id = :ws AND agent_id IN (<ids>) AND used_at IS NULL""")
          .bind("ws", workspaceId).bindList("ids", ids)
          .map((rs, ctx) -> Map.entry(rs.getString("agent_id"), rs.getTimestamp("expires_at").toInstant()))
          .forEach(e -> invited.merge(e.getKey(), e.getValue(), (a, b) -> a.isAfter(b) ? a : b));
      Map<String, People.SignInState> out = new HashMap<>();
      for (String id : ids) {
        out.put(id, new People.SignInState(passwords.contains(id), Optional.ofNullable(invited.get(id))));
      }
      return out;
    });
  }

  private boolean hasPassword(String agentId) {
    return storedHash(agentId).isPresent();
  }

  private Optional<String> storedHash(String agentId) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT password_hash FROM agent_passwords WHERE agent_id = :agent")
        .bind("agent", agentId).mapTo(String.class).findOne());
  }

  private Optional<Invited> pending(Handle h, String secret, boolean lock) {
    if (secret == null || secret.isEmpty() || secret.length() > 100) return Optional.empty();
    record Row(String workspaceId, String agentId) {}
    return h.createQuery("""
            SELECT workspace_id, agent_id FROM agent_invitations
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now""" + (lock ? " FOR UPDATE" : ""))
        .bind("hash", hash(secret)).bind("now", clock.instant())
        .map((rs, ctx) -> new Row(rs.getString("workspace_id"), rs.getString("agent_id")))
        .findOne()
        .flatMap(r -> agents.find(h, r.workspaceId(), r.agentId())
            .filter(Agent::active)
            .map(a -> new Invited(r.workspaceId(), a)));
  }

  static String hash(String secret) {
    return SecretDigest.of(secret);
  }

}
