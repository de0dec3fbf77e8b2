package dev.hookdesk.console;

import dev.hookdesk.webhooks.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The verification snippets of the Security tab. They live as files under
 * {@code console/snippets/} so that a test runs exactly the code the page shows.
 */
final class SecurityGuide {
  static final String RESOURCES = "console/snippets/";

  /** One copy-able snippet; {@code id} is the HTML id of its code block. */
  record Snippet(String id, String language, String file, String code) {}

  /** A worked example, signed by the same {@link Signer} that signs deliveries. */
  record Example(String secret, String id, long timestamp, String body, String signedContent,
      String signature) {}

  static final Example EXAMPLE = example("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      "evt_01jd4k7q2m8c3v5x9z0a1b2c3d", 1763719200L,
      "{\"id\":\"evt_01jd4k7q2m8c3v5x9z0a1b2c3d\",\"type\":\"ticket.created\"}");

  private final List<Snippet> snippets = List.of(
      load("snippet-java", "Java", "WebhookVerifier.java"),
      load("snippet-node", "Node.js", "verify-webhook.js"),
      load("snippet-python", "Python", "verify_webhook.py"));

  List<Snippet> snippets() {
    return snippets;
  }

  private static Example example(String secret, String id, long timestamp, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new Example(secret, id, timestamp, body, id + "." + timestamp + "." + body,
        Signer.header(List.of(Signer.key(secret)), id, timestamp, bytes));
  }

  private static Snippet load(String id, String language, String file) {
    try (InputStream in = SecurityGuide.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
      if (in == null) throw new IllegalStateException("missing snippet " + file);
      return new Snippet(id, language, file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
