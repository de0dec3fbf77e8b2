import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies a Hookdesk webhook (Standard Webhooks signature). */
public final class WebhookVerifier {
  private static final long TOLERANCE_SECONDS = 5 * 60;

  /**
   * @param secret the webhook's secret, "whsec_..."
   * @param id the webhook-id header
   * @param timestamp the webhook-timestamp header
   * @param body the raw request body, exactly as received
   * @param signatures the webhook-signature header
   */
  public static boolean verify(String secret, String id, String timestamp, byte[] body,
      String signatures) throws Exception {
    long sentAt = Long.parseLong(timestamp);
    if (Math.abs(Instant.now().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
      return false; // too old or too far ahead: possibly replayed
    }
    byte[] key = secret.startsWith("whsec_")
        ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
        : secret.getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = Base64.getEncoder().encode(mac.doFinal(body));
    for (String entry : signatures.split(" ")) {
      if (entry.startsWith("v1,") && MessageDigest.isEqual(expected,
          entry.substring(3).getBytes(StandardCharsets.UTF_8))) {
        return true;
      }
    }
    return false;
  }
}
