package dev.hookdesk.people;

import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.core.Ids;
import dev.hookdesk.desk.agents.AgentService;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Signing people in: invitations, choosing a password, email-and-password sign-in with lock-out. */
public final class People {
  /** The answer to a sign-in attempt; {@code Locked} says nothing about whether the email exists. */
  public sealed interface Attempt {
    record SignedIn(String workspaceId, String agentId) implements Attempt {}
    record Wrong() implements Attempt {}
    record Locked() implements Attempt {}
  }

  /** The answer to choosing a password through an invitation. */
  public sealed interface Choice {
    record Chosen(String workspaceId, String agentId) implements Choice {}
    record Refused(String problem) implements Choice {}
    record LinkGone() implements Choice {}
  }

  /** Whom an invitation link is for: shown on the page where they choose a password. */
  public record Invitee(String name, String email) {}

  /** Ends an agent's sessions inside the transaction that changed their password. */
  public interface SessionEnd {
    void end(Handle h, String agentId);
  }

  /** A fresh invitation's secret (for the link) and when it expires. */
  public record Invitation(String secret, Instant expiresAt) {
    /** The link the invited person opens, on the node's public URL (never the request's Host). */
    public String url(PublicUrl node) {
      return node.resolve("/invite/" + secret);
    }
  }

  /**
   * How far an agent got with signing in: a password chosen (they opened an invitation), and
   * when the invitation not used yet expires, if one was made (it may be past).
   */
  public record SignInState(boolean password, Optional<Instant> invitationExpires) {}

  private final Credentials credentials;
  private final SignInGuard guard;
  private final PasswordRules rules = new PasswordRules();

  public People(Jdbi jdbi, Ids ids, Clock clock, AgentService agents, SessionEnd sessionEnd) {
    this.credentials = new Credentials(jdbi, ids, clock, agents, new PasswordHasher(), sessionEnd);
    this.guard = new SignInGuard(jdbi, clock);
  }

  public Attempt signIn(String email, String password) {
    Objects.requireNonNull(email);
    Objects.requireNonNull(password);
    if (guard.locked(email)) return new Attempt.Locked();
    Optional<AgentService.Member> who = credentials.check(email, password);
    if (who.isPresent()) {
      guard.succeeded(email);
      return new Attempt.SignedIn(who.get().workspaceId(), who.get().agent().id());
    }
    return guard.failed(email) ? new Attempt.Locked() : new Attempt.Wrong();
  }

  /** A new invitation for an agent: their password is removed and their sessions end. */
  public Invitation invite(String workspaceId, String agentId) {
    var i = credentials.invite(workspaceId, agentId);
    return new Invitation(i.secret(), i.expiresAt());
  }

  /** The sign-in state of each of these agents of the workspace. */
  public Map<String, SignInState> signInStates(String workspaceId, Collection<String> agentIds) {
    return credentials.states(workspaceId, agentIds);
  }

  public Optional<Invitee> invitee(String secret) {
    return credentials.invited(secret).map(i -> new Invitee(i.agent().name(), i.agent().email()));
  }

  public Choice choosePassword(String secret, String password, String repeated) {
    if (credentials.invited(secret).isEmpty()) return new Choice.LinkGone();
    Optional<String> problem = rules.problem(password);
    if (problem.isPresent()) return new Choice.Refused(problem.get());
    if (!password.equals(repeated)) return new Choice.Refused("The two passwords differ.");
    return credentials.accept(secret, password)
        .<Choice>map(i -> new Choice.Chosen(i.workspaceId(), i.agent().id()))
        .orElseGet(Choice.LinkGone::new);
  }
}
