package dev.hookdesk.desk.sources;

import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.core.Ids;
import dev.hookdesk.webhooks.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The identity secret of a source (SPEC §10): a site signs its signed-in user's id with it, so
 * the widget's visitor is tied to the contact with that {@code external_id}. Sealed at rest like
 * webhook secrets; created on first read. Owns {@code source_identity_secrets}.
 */
public final class SourceIdentity {
  static final String PREFIX = "idsec_";

  private final Jdbi jdbi;
  private final SourceService sources;
  private final SecretBox box;
  private final Ids ids;
  private final Clock clock;

  public record Secret(String source, String secret, Instant rotatedAt) {}

  public SourceIdentity(Jdbi jdbi, SourceService sources, SecretBox box, Ids ids, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.sources = Objects.requireNonNull(sources);
    this.box = Objects.requireNonNull(box);
    this.ids = Objects.requireNonNull(ids);
    this.clock = Objects.requireNonNull(clock);
  }

  public Secret read(String workspaceId, String key) {
    return jdbi.inTransaction(h -> {
      sources.require(h, workspaceId, "key", key);
      return stored(h, workspaceId, key).orElseGet(() -> write(h, workspaceId, key, true));
    });
  }

  /** A new secret; hashes made with the old one stop verifying at once. */
  public Secret rotate(String workspaceId, String key) {
    return jdbi.inTransaction(h -> {
      sources.require(h, workspaceId, "key", key);
      return write(h, workspaceId, key, stored(h, workspaceId, key).isEmpty());
    });
  }

  /** Whether {@code userHash} is hex HMAC-SHA256(secret, userId); 422 when the source has no secret yet. */
  public boolean verifies(String workspaceId, String key, String userId, String userHash) {
    Secret s = jdbi.withHandle(h -> stored(h, workspaceId, key)).orElseThrow(() -> new Invalid(
        "user_hash", "source '" + key + "' does not verify users yet; an admin reads its secret "
            + "with GET /api/v1/sources/" + key + "/identity-secret"));
    byte[] expected = HexFormat.of().formatHex(hmac(s.secret(), userId)).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, userHash.toLowerCase(java.util.Locale.ROOT)
        .getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<Secret> stored(Handle h, String workspaceId, String key) {
    return h.createQuery("SELECT sealed, rotated_at FROM source_identity_secrets "
            + "WHERE workspace_id = :ws AND source_key = :key")
        .bind("ws", workspaceId).bind("key", key)
        .map((rs, x) -> new Secret(key, box.open(aad(workspaceId, key), rs.getString(1)),
            rs.getTimestamp(2).toInstant()))
        .findOne();
  }

  private Secret write(Handle h, String workspaceId, String key, boolean insert) {
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(ids.randomBytes(32));
    Instant now = clock.instant();
    h.createUpdate(insert
            ? "INSERT INTO source_identity_secrets (workspace_id, source_key, sealed, rotated_at) "
                + "VALUES (:ws, :key, :sealed, :at)"
            : "UPDATE source_identity_secrets SET sealed = :sealed, rotated_at = :at "
                + "WHERE workspace_id = :ws AND source_key = :key")
        .bind("ws", workspaceId).bind("key", key).bind("sealed", box.seal(aad(workspaceId, key), secret))
        .bind("at", now).execute();
    return new Secret(key, secret, now);
  }

  /** Bound to the row, so a sealed secret copied onto another source does not open. */
  private static String aad(String workspaceId, String key) {
    return "source:" + workspaceId + ":" + key;
  }
}
