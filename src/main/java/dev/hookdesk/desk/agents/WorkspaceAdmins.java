package dev.hookdesk.desk.agents;

import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.FieldError;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A workspace that has an active admin keeps one: the last active human admin cannot be
 * demoted, deactivated or turned into a bot, by anyone, or nobody could sign in to manage the
 * workspace. The active admins are locked (in id order, so two such changes cannot deadlock)
 * before the check, so two admins demoting each other at once cannot both succeed.
 */
final class WorkspaceAdmins {
  private WorkspaceAdmins() {}

  /** Whether a change may take an admin away: only those must lock the admins first. */
  static boolean mayRemoveOne(AgentService.AgentChanges c) {
    return c.role().isPresent() || c.active().isPresent() || c.kind().isPresent();
  }

  static List<String> lockActive(Handle h, String workspaceId) {
    return h.createQuery("SELECT id FROM agents WHERE workspace_id = :ws AND role = 'admin' "
            + "AND kind = 'human' AND deactivated_at IS NULL ORDER BY id FOR UPDATE")
        .bind("ws", workspaceId).mapTo(String.class).list();
  }

  /** Refuses the change of {@code before} if it leaves none of {@code admins} (locked) an active admin. */
  static void keepOne(List<String> admins, Agent before, AgentService.AgentChanges c) {
    if (!counts(before.kind(), before.role(), before.active())) return;
    String kind = c.kind().orElse(before.kind());
    String role = c.role().orElse(before.role());
    boolean active = c.active().orElse(before.active());
    if (counts(kind, role, active) || admins.stream().anyMatch(id -> !id.equals(before.id()))) return;
    String field = !active ? "active" : !"admin".equals(role) ? "role" : "kind";
    throw new Conflict(before.id() + " is the last active admin of this workspace; make another "
        + "agent an admin first", new FieldError(field, "would leave the workspace without an "
        + "active admin; make another agent an admin first"));
  }

  private static boolean counts(String kind, String role, boolean active) {
    return "human".equals(kind) && "admin".equals(role) && active;
  }
}
