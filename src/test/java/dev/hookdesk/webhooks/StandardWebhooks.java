package dev.hookdesk.webhooks;

import dev.hookdesk.testing.Receiver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A receiver's Standard Webhooks check, written from the spec (independent of {@link Signer}). */
public final class StandardWebhooks {
  private StandardWebhooks() {}

  public static boolean verifies(String secret, String id, String timestamp, String signatureHeader, byte[] body) {
    try {
      byte[] key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring(6))
          : secret.getBytes(StandardCharsets.UTF_8);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] content = (id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8);
      String expected = Base64.getEncoder().encodeToString(mac.doFinal(content));
      for (String sig : signatureHeader.split(" ")) {
        String[] parts = sig.split(",", 2);
        if (parts.length == 2 && parts[0].equals("v1") && MessageDigest.isEqual(
            parts[1].getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean verifies(String secret, Receiver.Request r) {
    return verifies(secret, r.header("webhook-id"), r.header("webhook-timestamp"),
        r.header("webhook-signature"), r.bytes());
  }
}
