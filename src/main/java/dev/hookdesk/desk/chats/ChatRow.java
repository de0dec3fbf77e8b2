package dev.hookdesk.desk.chats;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One row of {@code chats}, as stored; {@link ChatStore} turns it into a {@link Chat}. */
record ChatRow(String id, String workspaceId, String type, String status,
    List<String> pastStatuses, String source, String contactId, String reference,
    boolean copilotEnabled, String callback, String closeRecord, String rating,
    String lastMessageId, Instant handledAt, Instant firstAnswerAt, Instant createdAt,
    Instant updatedAt, Instant closedAt) {

  static final String COLUMNS = "id, workspace_id, type, status, past_statuses, source_key, "
      + "contact_id, reference, copilot_enabled, callback, close_record, rating, last_message_id, "
      + "handled_at, first_answer_at, created_at, updated_at, closed_at";

  boolean ended() {
    return ChatStatus.ended(status);
  }

  static ChatRow map(ResultSet rs) throws SQLException {
    String past = rs.getString("past_statuses");
    return new ChatRow(rs.getString("id"), rs.getString("workspace_id"), rs.getString("type"),
        rs.getString("status"), past.isEmpty() ? List.of() : Arrays.asList(past.split(",")),
        rs.getString("source_key"), rs.getString("contact_id"), rs.getString("reference"),
        rs.getBoolean("copilot_enabled"), rs.getString("callback"), rs.getString("close_record"),
        rs.getString("rating"), rs.getString("last_message_id"), time(rs, "handled_at"),
        time(rs, "first_answer_at"), time(rs, "created_at"), time(rs, "updated_at"),
        time(rs, "closed_at"));
  }

  private static Instant time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
