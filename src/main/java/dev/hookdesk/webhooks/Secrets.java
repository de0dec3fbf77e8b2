package dev.hookdesk.webhooks;

import java.util.Base64;
import java.util.Optional;

/** Webhook secrets as users see them: generated, user-given, masked. */
public final class Secrets {
  static final String PREFIX = "whsec_";
  static final int MIN_LENGTH = 16;
  static final int MAX_LENGTH = 200;

  private Secrets() {}

  public static String generate(byte[] random32) {
    return PREFIX + Base64.getEncoder().encodeToString(random32);
  }

  /** Why a user-given secret is refused, or empty when it is fine. */
  static Optional<String> problem(String secret) {
    if (secret.length() < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters; omit it to have one generated");
    }
    if (secret.length() > MAX_LENGTH) return Optional.of("must be at most " + MAX_LENGTH + " characters");
    if (!secret.chars().allMatch(c -> c > 32 && c < 127)) {
      return Optional.of("must be printable ASCII without spaces");
    }
    if (secret.startsWith(PREFIX)) {
      try {
        if (Base64.getDecoder().decode(secret.substring(PREFIX.length())).length < 16) {
          return Optional.of("a whsec_ secret must carry at least 16 bytes of base64");
        }
      } catch (IllegalArgumentException e) {
        return Optional.of("after whsec_ it must be base64");
      }
    }
    return Optional.empty();
  }

  /** What responses show instead of a secret: its kind, never any of its characters. */
  static String mask(String secret) {
    return (secret.startsWith(PREFIX) ? PREFIX : "") + "********";
  }
}
