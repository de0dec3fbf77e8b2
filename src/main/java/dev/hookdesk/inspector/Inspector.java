package dev.hookdesk.inspector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.DomainException.NotFound;
import dev.hookdesk.core.Ids;
import dev.hookdesk.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Bins and their captured requests. The capture URL is public, so what a bin holds is
 * bounded: each body to {@value #MAX_BODY_BYTES} bytes, each bin to its newest {@value #KEEP}
 * requests and {@value #MAX_BIN_BYTES} bytes, the oldest dropped first.
 */
final class Inspector {
  static final int KEEP = 100;
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final long MAX_BIN_BYTES = 5L * 1024 * 1024;
  private static final String SUMMARY_COLUMNS = """
      id, bin_id, received_at, method, path, query, remote_addr, headers, body_size, truncated,
      body_base64""";

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final ObjectMapper mapper;

  Inspector(Jdbi jdbi, Ids ids, Clock clock, ObjectMapper mapper) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.mapper = Objects.requireNonNull(mapper);
  }

  Bin create(String workspaceId, String name) {
    Bin bin = new Bin(ids.next("bin"), workspaceId, name, clock.instant());
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO inspector_bins (id, workspace_id, name, created_at)
            VALUES (:id, :ws, :name, :at)""")
        .bind("id", bin.id()).bind("ws", workspaceId).bind("name", name).bind("at", bin.createdAt())
        .execute());
    return bin;
  }

  List<Bin> bins(String workspaceId) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT * FROM inspector_bins WHERE workspace_id = :ws ORDER BY created_at DESC, id DESC""")
        .bind("ws", workspaceId).map((rs, ctx) -> bin(rs)).list());
  }

  /** A bin of this workspace; another workspace's bin is not found. */
  Bin bin(String workspaceId, String id) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT * FROM inspector_bins WHERE id = :id AND workspace_id = :ws")
        .bind("id", id).bind("ws", workspaceId).map((rs, ctx) -> bin(rs)).findOne())
        .orElseThrow(() -> new NotFound("Inspector bin", id));
  }

  void delete(Bin bin) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM inspector_requests WHERE bin_id = :id").bind("id", bin.id()).execute();
      h.createUpdate("DELETE FROM inspector_bins WHERE id = :id").bind("id", bin.id()).execute();
    });
  }

  void clear(Bin bin) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM inspector_requests WHERE bin_id = :id")
        .bind("id", bin.id()).execute());
  }

  /**
   * Stores a request for a bin, by the bin's id alone (the capture URL carries no token).
   * {@code body} is what was kept of the {@code bodySize} bytes that arrived.
   */
  Optional<String> capture(String binId, String method, String path, String query,
      String remoteAddr, List<Capture.Header> headers, byte[] body, long bodySize) {
    String id = ids.next("req");
    boolean truncated = bodySize > body.length;
    Optional<String> text = truncated ? cutText(body) : utf8(body);
    String stored = text.orElseGet(() -> Base64.getEncoder().encodeToString(body));
    String headersJson = Json.write(mapper, headers);
    int storedBytes = stored.getBytes(StandardCharsets.UTF_8).length
        + headersJson.getBytes(StandardCharsets.UTF_8).length + path.length()
        + (query == null ? 0 : query.length());
    return jdbi.inTransaction(h -> {
      // Locks the bin, so concurrent captures trim it one after another and it never holds
      // more than its bounds once they commit.
      boolean exists = h.createQuery("SELECT id FROM inspector_bins WHERE id = :id FOR UPDATE")
          .bind("id", binId).mapTo(String.class).findOne().isPresent();
      if (!exists) return Optional.empty();
      h.createUpdate("""
              INSERT INTO inspector_requests
                (id, bin_id, received_at, method, path, query, remote_addr, headers, body_base64,
                 body, body_size, truncated, stored_bytes)
              VALUES (:id, :bin, :at, :method, :path, :query, :remote, :headers, :b64, :body,
                 :size, :truncated, :stored)""")
          .bind("id", id).bind("bin", binId).bind("at", clock.instant()).bind("method", method)
          .bind("path", path).bind("query", query).bind("remote", remoteAddr)
          .bind("headers", headersJson).bind("b64", text.isEmpty()).bind("body", stored)
          .bind("size", bodySize).bind("truncated", truncated).bind("stored", storedBytes)
          .execute();
      h.createUpdate("""
              DELETE FROM inspector_requests WHERE id IN (
                SELECT id FROM (
                  SELECT id,
                    ROW_NUMBER() OVER (ORDER BY received_at DESC, id DESC) AS n,
                    SUM(stored_bytes) OVER (ORDER BY received_at DESC, id DESC
                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS total
                  FROM inspector_requests WHERE bin_id = :bin) newest_first
                WHERE n > :keep OR total > :budget)""")
          .bind("bin", binId).bind("keep", KEEP).bind("budget", MAX_BIN_BYTES).execute();
      return Optional.of(id);
    });
  }

  /** The id of the bin's newest request, or "" when it has none: tells pollers whether to redraw. */
  String latest(Bin bin) {
    return jdbi.withHandle(h -> h.createQuery("""
            SELECT id FROM inspector_requests WHERE bin_id = :bin
            ORDER BY received_at DESC, id DESC LIMIT 1""")
        .bind("bin", bin.id()).mapTo(String.class).findOne()).orElse("");
  }

  /** The bin's requests without their bodies, newest first. */
  List<Capture.Summary> summaries(Bin bin) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """
             FROM inspector_requests WHERE bin_id = :bin
            ORDER BY received_at DESC, id DESC LIMIT :keep""")
        .bind("bin", bin.id()).bind("keep", KEEP).map((rs, ctx) -> summary(rs)).list());
  }

  /** The bin's requests with their bodies (at most the bin's byte budget), newest first. */
  List<Capture> captures(Bin bin) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """
            , body FROM inspector_requests WHERE bin_id = :bin
            ORDER BY received_at DESC, id DESC LIMIT :keep""")
        .bind("bin", bin.id()).bind("keep", KEEP).map((rs, ctx) -> capture(rs)).list());
  }

  /** One request of the bin, with its body. */
  Capture capture(Bin bin, String requestId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + SUMMARY_COLUMNS + """
            , body FROM inspector_requests WHERE bin_id = :bin AND id = :id""")
        .bind("bin", bin.id()).bind("id", requestId).map((rs, ctx) -> capture(rs)).findOne())
        .orElseThrow(() -> new NotFound("Inspector request", requestId));
  }

  private Capture capture(ResultSet rs) throws SQLException {
    String body = rs.getString("body");
    return new Capture(summary(rs), rs.getBoolean("body_base64") ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8));
  }

  private Capture.Summary summary(ResultSet rs) throws SQLException {
    List<Capture.Header> headers;
    try {
      headers = mapper.readValue(rs.getString("headers"), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Capture.Summary(rs.getString("id"), rs.getString("bin_id"),
        rs.getTimestamp("received_at").toInstant(), rs.getString("method"), rs.getString("path"),
        rs.getString("query"), rs.getString("remote_addr"), headers, rs.getLong("body_size"),
        rs.getBoolean("truncated"), rs.getBoolean("body_base64"));
  }

  private static Bin bin(ResultSet rs) throws SQLException {
    return new Bin(rs.getString("id"), rs.getString("workspace_id"), rs.getString("name"),
        rs.getTimestamp("created_at").toInstant());
  }

  /** A body cut at the limit may end inside a character: text without that last partial one. */
  private static Optional<String> cutText(byte[] body) {
    for (int drop = 0; drop <= 3 && drop <= body.length; drop++) {
      Optional<String> text = utf8(Arrays.copyOf(body, body.length - drop));
      if (text.isPresent()) return text;
    }
    return Optional.empty();
  }

  /** The body as text when it is valid UTF-8 (so it re-encodes to the same bytes), else empty. */
  static Optional<String> utf8(byte[] body) {
    for (byte b : body) {
      if (b == 0) return Optional.empty(); // PostgreSQL text cannot hold NUL
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
