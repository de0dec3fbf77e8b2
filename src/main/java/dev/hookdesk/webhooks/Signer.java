package dev.hookdesk.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>}. */
public final class Signer {
  /** A Mac per thread: looking one up costs more than signing a small body. */
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private Signer() {}

  /** The signing key of a secret: {@code whsec_<base64>} decodes, anything else is UTF-8. */
  public static byte[] key(String secret) {
    if (secret.startsWith("whsec_")) {
      try {
        return Base64.getDecoder().decode(secret.substring(6));
      } catch (IllegalArgumentException e) {
        // not base64 after the prefix: sign with the text itself
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code webhook-signature} header: one space-separated {@code v1,} entry per key. */
  public static String header(List<byte[]> keys, String msgId, long timestamp, byte[] body) {
    StringBuilder out = new StringBuilder();
    for (byte[] key : keys) {
      if (!out.isEmpty()) out.append(' ');
      out.append("v1,").append(sign(key, msgId, timestamp, body));
    }
    return out.toString();
  }

  public static String sign(byte[] key, String msgId, long timestamp, byte[] body) {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
