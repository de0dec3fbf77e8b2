package dev.hookdesk.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Opaque, prefixed ids ({@code tkt_01J…}) whose body sorts by creation time, so lists
 * ordered by id are ordered by age and make stable cursors.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Ids(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /** A new id such as {@code evt_01jd4k…}: 10 chars of milliseconds, 16 random chars. */
  public String next(String prefix) {
    char[] out = new char[26];
    long millis = clock.millis();
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    byte[] bytes = new byte[10];
    random.nextBytes(bytes);
    long hi = 0;
    for (int i = 0; i < 5; i++) hi = (hi << 8) | (bytes[i] & 0xff);
    long lo = 0;
    for (int i = 5; i < 10; i++) lo = (lo << 8) | (bytes[i] & 0xff);
    for (int i = 17; i >= 10; i--) {
      out[i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return prefix + "_" + new String(out);
  }

  /** Random bytes for tokens and secrets. */
  public byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
