package dev.hookdesk.console;

import dev.hookdesk.core.Ids;
import dev.hookdesk.http.Principal;
import dev.hookdesk.workspaces.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Server-side console sessions, keyed by the SHA-256 of the cookie value. */
final class ConsoleSessions {
  /** A session ends this long after sign-in, whatever happens in between. */
  static final Duration LIFETIME = Duration.ofHours(12);

  private final Jdbi jdbi;
  private final Ids ids;
  private final Clock clock;
  private final TokenService tokens;

  ConsoleSessions(Jdbi jdbi, Ids ids, Clock clock, TokenService tokens) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
    this.tokens = Objects.requireNonNull(tokens);
  }

  /** A new session; returns the cookie value, which is stored nowhere but in the browser. */
  String open(Principal principal) {
    String cookie = random();
    Instant now = clock.instant();
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM console_sessions WHERE expires_at < :now").bind("now", now).execute();
      h.createUpdate("""
              INSERT INTO console_sessions (id_hash, token_id, workspace_id, csrf_token, created_at, expires_at)
              VALUES (:id, :token, :ws, :csrf, :now, :expires)""")
          .bind("id", hash(cookie)).bind("token", principal.tokenId())
          .bind("ws", principal.workspaceId()).bind("csrf", random())
          .bind("now", now).bind("expires", now.plus(LIFETIME)).execute();
    });
    return cookie;
  }

  /** The live session of a cookie; none when unknown, expired, or its token was revoked. */
  Optional<ConsoleSession> find(String cookie) {
    if (cookie == null || cookie.isEmpty() || cookie.length() > 100) return Optional.empty();
    String idHash = hash(cookie);
    record Row(String tokenId, String csrf) {}
    Optional<Row> row = jdbi.withHandle(h -> h.createQuery("""
            SELECT token_id, csrf_token FROM console_sessions
            WHERE id_hash = :id AND expires_at > :now""")
        .bind("id", idHash).bind("now", clock.instant())
        .map((rs, ctx) -> new Row(rs.getString("token_id"), rs.getString("csrf_token")))
        .findOne());
    return row.flatMap(r -> tokens.principal(r.tokenId())
        .map(p -> new ConsoleSession(idHash, p, r.csrf())));
  }

  void close(ConsoleSession session) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM console_sessions WHERE id_hash = :id")
        .bind("id", session.idHash()).execute());
  }

  String random() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
  }

  static String hash(String value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
