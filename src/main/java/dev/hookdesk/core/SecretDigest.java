package dev.hookdesk.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How a random bearer secret (API token, session cookie, invitation link) is stored: its
 * SHA-256 in hex, so a leaked table hands out nothing. Enough for secrets of 256 random bits;
 * passwords, which people choose, get bcrypt instead.
 */
public final class SecretDigest {
  private SecretDigest() {}

  public static String of(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
