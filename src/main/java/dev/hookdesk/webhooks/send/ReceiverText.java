package dev.hookdesk.webhooks.send;

import java.nio.charset.StandardCharsets;

/**
 * What a receiver sent, as text that every database holds and a person can read, without
 * losing a byte. Valid UTF-8 stays as it is. NUL (PostgreSQL text cannot hold it) and every
 * byte that is not part of valid UTF-8 become {@code \xNN} (two upper-case hex digits).
 *
 * <p>Reversible: a run of literal backslashes written right before an {@code x} or before an
 * escape is doubled. So, reading back, a run of 2k+1 backslashes before {@code xNN} is k
 * backslashes and the byte NN; 2k backslashes before {@code x} are k backslashes and an x;
 * every other character is itself. Most bodies (JSON, plain text, HTML) come out unchanged.
 */
public final class ReceiverText {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ReceiverText() {}

  public static String of(byte[] bytes) {
    if (bytes == null) return null;
    StringBuilder out = new StringBuilder(bytes.length + 16);
    int backslashes = 0;
    int plainFrom = 0;
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xff;
      int n = b == 0 ? 0 : sequenceLength(bytes, i);
      if (n > 0 && b != '\\') {
        if (backslashes > 0) out.repeat('\\', b == 'x' ? 2 * backslashes : backslashes);
        backslashes = 0;
        i += n;
        continue;
      }
      out.append(new String(bytes, plainFrom, i - plainFrom, StandardCharsets.UTF_8));
      if (n > 0) {
        backslashes++;
      } else {
        out.repeat('\\', 2 * backslashes).append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
        backslashes = 0;
      }
      plainFrom = ++i;
    }
    out.append(new String(bytes, plainFrom, i - plainFrom, StandardCharsets.UTF_8));
    out.repeat('\\', backslashes);
    return out.toString();
  }

  /** The same for text already decoded (header values, error messages). */
  public static String of(String text) {
    return text == null ? null : of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** How many bytes the well-formed UTF-8 sequence at {@code i} has (RFC 3629), or 0 if there is none. */
  private static int sequenceLength(byte[] s, int i) {
    int b = s[i] & 0xff;
    if (b < 0x80) return 1;
    int n;
    int lo = 0x80;
    int hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      n = 2;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b == 0xe0) lo = 0xa0; // overlong
      if (b == 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b == 0xf0) lo = 0x90; // overlong
      if (b == 0xf4) hi = 0x8f; // over U+10FFFF
    } else {
      return 0;
    }
    if (i + n > s.length) return 0;
    int second = s[i + 1] & 0xff;
    if (second < lo || second > hi) return 0;
    for (int k = 2; k < n; k++) {
      int c = s[i + k] & 0xff;
      if (c < 0x80 || c > 0xbf) return 0;
    }
    return n;
  }
}
