package dev.hookdesk.widget;

import dev.hookdesk.core.SecretDigest;
import dev.hookdesk.core.Ids;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Visitor sessions (owns {@code visitor_sessions}): a bearer token ({@code vis_…}) for the API
 * and a stream key ({@code vsk_…}) that only opens the chat's live stream, because a browser's
 * EventSource cannot send a header and a URL may end up in logs. Only hashes are stored.
 */
final class VisitorSessions {
  static final String TOKEN_PREFIX = "vis_";
  static final String STREAM_KEY_PREFIX = "vsk_";

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;

  record Opened(String visitorToken, String streamKey, Visitor visitor) {}

  VisitorSessions(Jdbi jdbi, Ids ids, Clock clock) {
    this.jdbi = jdbi;
    this.ids = ids;
    this.clock = clock;
  }

  Opened open(String workspaceId, String source, String contactId) {
    String token = TOKEN_PREFIX + random();
    String streamKey = STREAM_KEY_PREFIX + random();
    String id = ids.next("vss");
    jdbi.useHandle(h -> h.createUpdate("""
            INSERT INTO visitor_sessions (id, token_hash, stream_key_hash, workspace_id, source_key,
              contact_id, created_at) VALUES (:id, :token, :key, :ws, :source, :contact, :at)""")
        .bind("id", id).bind("token", SecretDigest.of(token))
        .bind("key", SecretDigest.of(streamKey)).bind("ws", workspaceId).bind("source", source)
        .bind("contact", contactId).bind("at", clock.instant()).execute());
    return new Opened(token, streamKey, new Visitor(id, workspaceId, source, contactId));
  }

  Optional<Visitor> byToken(String token) {
    return find("token_hash", TOKEN_PREFIX, token);
  }

  Optional<Visitor> byStreamKey(String key) {
    return find("stream_key_hash", STREAM_KEY_PREFIX, key);
  }

  private Optional<Visitor> find(String column, String prefix, String secret) {
    if (secret == null || !secret.startsWith(prefix) || secret.length() > 100) return Optional.empty();
    return jdbi.withHandle(h -> h.createQuery("SELECT id, workspace_id, source_key, contact_id "
            + "FROM visitor_sessions WHERE " + column + " = :hash")
        .bind("hash", SecretDigest.of(secret))
        .map((rs, x) -> new Visitor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .findOne());
  }

  private String random() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
  }
}
