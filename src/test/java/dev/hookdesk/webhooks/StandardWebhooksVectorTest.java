package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with the Standard Webhooks specification: its published test vector
 * (standard-webhooks/standard-webhooks, libraries/java WebhookTest.verifyWebhookSignWorks,
 * the same vector its other reference libraries use), not values our own code produced.
 */
class StandardWebhooksVectorTest {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long TIMESTAMP = 1614265330;
  static final byte[] PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void signsTheSpecificationVector() {
    assertThat(Signer.header(List.of(Signer.key(SECRET)), MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
  }

  @Test
  void aWhsecSecretSignsWithItsDecodedBytes() {
    assertThat(Signer.key(SECRET)).isEqualTo(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    assertThat(Signer.key("plain-secret-1234")).isEqualTo("plain-secret-1234".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void duringAGraceEverySecretSignsSpaceSeparated() {
    byte[] other = Signer.key("another-secret-of-16+");
    String header = Signer.header(List.of(Signer.key(SECRET), other), MSG_ID, TIMESTAMP, PAYLOAD);
    String[] parts = header.split(" ");
    assertThat(parts).hasSize(2);
    assertThat(parts[0]).isEqualTo(EXPECTED);
    assertThat(parts[1]).startsWith("v1,").isNotEqualTo(EXPECTED);
  }

  @Test
  void theReceiverSideVerifierOfTheseTestsAcceptsTheVectorToo() {
    assertThat(StandardWebhooks.verifies(SECRET, MSG_ID, Long.toString(TIMESTAMP), EXPECTED, PAYLOAD)).isTrue();
    assertThat(StandardWebhooks.verifies(SECRET, MSG_ID, Long.toString(TIMESTAMP + 1), EXPECTED, PAYLOAD)).isFalse();
  }
}
