package dev.hookdesk.console;

import dev.hookdesk.desk.agents.Agent;
import dev.hookdesk.people.People;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models of Settings → Agents (console/agents.jte and console/agent_deactivate.jte). */
final class AgentViews {
  private AgentViews() {}

  /** The add form as typed, shown again beside its errors. */
  record Draft(String name, String email, String role) {
    static final Draft EMPTY = new Draft("", "", "agent");

    static Draft from(Context ctx) {
      return new Draft(field(ctx, "name"), field(ctx, "email"), field(ctx, "role"));
    }

    private static String field(Context ctx, String name) {
      return Optional.ofNullable(ctx.formParam(name)).map(String::strip).orElse("");
    }
  }

  /** A fresh invitation link: shown on the page that made it, never again (only its hash is kept). */
  record NewInvitation(String agentId, String name, String email, String url, Instant expiresAt) {}

  /**
   * One agent of the list and how far they got with signing in.
   *
   * @param me the signed-in admin's own row
   * @param errors what was wrong with the last change asked for this agent
   */
  record Row(Agent agent, People.SignInState signIn, Instant now, boolean me, List<String> errors) {
    String status() {
      if (!agent.active()) return "Deactivated";
      if (agent.isBot() || signIn.password()) return "Active";
      return signIn.invitationExpires().map(e -> e.isAfter(now) ? "Invited" : "Invitation expired")
          .orElse("Not invited yet");
    }

    /** The badge's colour class. */
    String tone() {
      return switch (status()) {
        case "Active" -> "ok";
        case "Invited" -> "warn";
        case "Deactivated", "Invitation expired" -> "bad";
        default -> "";
      };
    }

    /** When the pending invitation's link stops working, while it works. */
    Instant linkExpires() {
      return "Invited".equals(status()) ? signIn.invitationExpires().orElse(null) : null;
    }

    /** A person who may be invited (again): people sign in, bots do not; deactivated people are reactivated first. */
    boolean invitable() {
      return !agent.isBot() && agent.active() && !me;
    }

    /** Whether an invitation was made before: the button then says "Invite again" (it resets the password). */
    boolean invitedBefore() {
      return signIn.password() || signIn.invitationExpires().isPresent();
    }

    String errorId() {
      return "agent-" + agent.id();
    }

    String describedBy() {
      return errors.isEmpty() ? null : errorId() + "-error";
    }
  }

  /**
   * @param cursor where this page of the list starts; empty on the first
   * @param errors by add-form field; {@code ""} holds what belongs to no field
   * @param added the name of the agent just added, to say what comes next
   */
  record AgentsPage(Chrome chrome, List<Row> rows, String cursor, String nextCursor, Draft draft,
      Map<String, List<String>> errors, NewInvitation invitation, String added) {
    List<String> errorsOf(String field) {
      return errors.getOrDefault(field, List.of());
    }

    /** A page of Settings → Agents at the same place in the list. */
    String here(String path) {
      return AgentSettingsRoutes.at(path, cursor);
    }

    String nextHref() {
      return nextCursor == null ? null : AgentSettingsRoutes.at(AgentSettingsRoutes.BASE, nextCursor);
    }

    String invalid(String field) {
      return errors.containsKey(field) ? "true" : null;
    }

    String describedBy(String field) {
      return errors.containsKey(field) ? field + "-error" : null;
    }
  }

  record DeactivatePage(Chrome chrome, Agent agent, String cursor) {}
}
