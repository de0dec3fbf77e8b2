package dev.hookdesk.inspector;

import dev.hookdesk.webhooks.Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Whether a captured request carries a Standard Webhooks signature that one of the keys made. */
final class SignatureCheck {
  /** How far webhook-timestamp may be from the arrival before receivers should refuse it. */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  enum State { VERIFIED, MISMATCH, UNSIGNED, NO_SECRET, MALFORMED, TRUNCATED }

  record Verdict(State state, String message) {
    /** The value of the capture's {@code data-signature} attribute and badge style. */
    String key() {
      return state.name().toLowerCase().replace('_', '-');
    }

    String badge() {
      return switch (state) {
        case VERIFIED -> "ok";
        case MISMATCH, MALFORMED -> "bad";
        default -> "warn";
      };
    }
  }

  private SignatureCheck() {}

  static Verdict check(Capture capture, List<byte[]> keys) {
    Optional<String> id = capture.header("webhook-id");
    Optional<String> timestamp = capture.header("webhook-timestamp");
    Optional<String> signatures = capture.header("webhook-signature");
    if (id.isEmpty() || timestamp.isEmpty() || signatures.isEmpty()) {
      return new Verdict(State.UNSIGNED, "Not signed (no webhook-id, -timestamp and -signature headers)");
    }
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp.get().trim());
    } catch (NumberFormatException e) {
      return new Verdict(State.MALFORMED, "webhook-timestamp is not unix seconds");
    }
    if (capture.about().truncated()) {
      return new Verdict(State.TRUNCATED, "Signed, but the body was cut at "
          + Inspector.MAX_BODY_BYTES / 1024 + " KiB: the signature cannot be checked");
    }
    if (keys.isEmpty()) return new Verdict(State.NO_SECRET, "Signed: paste the secret to verify");
    for (byte[] key : keys) {
      byte[] expected = Signer.sign(key, id.get(), sentAt, capture.body()).getBytes(StandardCharsets.UTF_8);
      for (String entry : signatures.get().trim().split(" +")) {
        if (entry.startsWith("v1,") && MessageDigest.isEqual(expected,
            entry.substring(3).getBytes(StandardCharsets.UTF_8))) {
          long skew = Math.abs(capture.receivedAt().getEpochSecond() - sentAt);
          return new Verdict(State.VERIFIED, skew > TOLERANCE.toSeconds()
              ? "Signature verified, but the timestamp is " + skew + " s off: receivers reject it"
              : "Signature verified");
        }
      }
    }
    return new Verdict(State.MISMATCH, "Signature does not match this secret");
  }
}
