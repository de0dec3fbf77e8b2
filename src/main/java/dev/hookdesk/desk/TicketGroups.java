package dev.hookdesk.desk;

import dev.hookdesk.core.DomainException.Conflict;
import dev.hookdesk.core.DomainException.NotFound;
import org.jdbi.v3.core.Handle;

/** What tickets are grouped by (teams, queues): deleted only while no ticket names them. */
public final class TicketGroups {
  private TicketGroups() {}

  /**
   * Deletes the workspace's row {@code id} of {@code table} (first its rows in {@code members},
   * keyed by {@code memberKey}, when given), or throws: 404 when there is none, 409 when a
   * ticket's {@code ticketColumn} still names it. The row is locked while the tickets are counted.
   */
  public static void delete(Handle h, String table, String noun, String workspaceId, String id,
      String ticketColumn, String members, String memberKey) {
    h.createQuery("SELECT id FROM " + table + " WHERE id = :id AND workspace_id = :ws FOR UPDATE")
        .bind("id", id).bind("ws", workspaceId).mapTo(String.class).findOne()
        .orElseThrow(() -> new NotFound(noun, id));
    int tickets = h.createQuery("SELECT COUNT(*) FROM tickets WHERE " + ticketColumn + " = :id")
        .bind("id", id).mapTo(Integer.class).one();
    if (tickets > 0) {
      throw new Conflict(noun + " " + id + " is still used by " + tickets
          + " ticket(s); move them elsewhere first");
    }
    if (members != null) {
      h.createUpdate("DELETE FROM " + members + " WHERE " + memberKey + " = :id").bind("id", id).execute();
    }
    h.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id).execute();
  }
}
