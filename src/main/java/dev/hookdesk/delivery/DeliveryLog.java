package dev.hookdesk.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.store.Database;
import dev.hookdesk.http.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the delivery log: a webhook's deliveries, newest first, and one delivery with its attempts. */
final class DeliveryLog {
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
  private static final String COLUMNS = """
      id, webhook_id, agent_id, chat_id, event_id, event_type, status, attempt_count, next_attempt_at,
      last_attempt_at, last_response_status, last_error, created_at, completed_at""";

  private final Database db;
  private final ObjectMapper mapper;

  DeliveryLog(Database db, ObjectMapper mapper) {
    this.db = db;
    this.mapper = mapper;
  }

  Page.Result<Delivery> list(String webhookId, Optional<String> status, Optional<String> eventType,
      Page page) {
    return list("webhook_id", webhookId, status, eventType, page);
  }

  /** A bot's calls, newest first. */
  Page.Result<Delivery> listOfAgent(String agentId, Optional<String> status, Page page) {
    return list("agent_id", agentId, status, Optional.empty(), page);
  }

  private Page.Result<Delivery> list(String column, String target, Optional<String> status,
      Optional<String> eventType, Page page) {
    List<Delivery> rows = db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM deliveries"
            + " WHERE " + column + " = :target"
            + (status.isPresent() ? " AND status = :status" : "")
            + (eventType.isPresent() ? " AND event_type = :type" : "")
            + (page.cursor().isPresent() ? " AND id < :cursor" : "")
            + " ORDER BY id DESC LIMIT :limit")
        .bind("target", target).bind("status", status.orElse(null))
        .bind("type", eventType.orElse(null)).bind("cursor", page.cursor().orElse(null))
        .bind("limit", page.limit() + 1)
        .map((rs, ctx) -> delivery(rs)).list());
    return Page.Result.of(rows, page.limit(), Delivery::id);
  }

  /** The delivery if it belongs to the workspace. */
  Optional<Delivery> find(String workspaceId, String id) {
    return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM deliveries"
            + " WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, ctx) -> delivery(rs)).findOne());
  }

  Delivery getWithAttempts(String workspaceId, String id) {
    Delivery d = find(workspaceId, id).orElseThrow(() -> new NotFound("Delivery", id));
    List<Attempt> attempts = db.read(h -> h.createQuery("""
            SELECT id, attempt_number, url, started_at, duration_ms, outcome, request_headers,
              request_body, response_status, response_headers, response_body, error, pruned
            FROM delivery_attempts WHERE delivery_id = :id ORDER BY attempt_number, started_at""")
        .bind("id", id).map((rs, ctx) -> attempt(rs)).list());
    return d.withAttempts(attempts);
  }

  private Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("agent_id"),
        rs.getString("chat_id"), rs.getString("event_id"),
        rs.getString("event_type"), rs.getString("status"), rs.getInt("attempt_count"),
        time(rs, "next_attempt_at"), time(rs, "last_attempt_at"),
        (Integer) rs.getObject("last_response_status", Integer.class), rs.getString("last_error"),
        time(rs, "created_at"), time(rs, "completed_at"), null);
  }

  private Attempt attempt(ResultSet rs) throws SQLException {
    return new Attempt(rs.getString("id"), rs.getInt("attempt_number"), rs.getString("url"),
        time(rs, "started_at"), rs.getLong("duration_ms"), rs.getString("outcome"),
        headers(rs.getString("request_headers")), rs.getString("request_body"),
        rs.getObject("response_status", Integer.class), headers(rs.getString("response_headers")),
        rs.getString("response_body"), rs.getString("error"), rs.getBoolean("pruned"));
  }

  private Map<String, String> headers(String json) {
    if (json == null) return Map.of();
    try {
      return mapper.readValue(json, HEADERS);
    } catch (java.io.IOException e) {
      return Map.of();
    }
  }

  private static Instant time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
