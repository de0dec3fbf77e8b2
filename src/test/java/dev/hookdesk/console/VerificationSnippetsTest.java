package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.webhooks.Signer;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Security tab's snippets, exactly as the page shows them, verify what Signer signs —
 * including a rotated pair of signatures — and reject a changed body or another secret.
 */
class VerificationSnippetsTest {
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
      "a 24-byte signing key!!!".getBytes(StandardCharsets.UTF_8));
  static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString(
      "some other signing key..".getBytes(StandardCharsets.UTF_8));
  static final String ID = "evt_01jd4k7q2m8c3v5x9z0a1b2c3d";
  static final String BODY = "{\"type\":\"ticket.created\",\"data\":{\"subject\":\"Café — ✓\"}}";

  @TempDir
  static Path dir;
  static long timestamp;
  static String signatures;

  @BeforeAll
  static void sign() throws Exception {
    timestamp = System.currentTimeMillis() / 1000;
    // During a rotation grace both secrets sign; the receiver knows only one of them.
    signatures = Signer.header(List.of(Signer.key(OTHER), Signer.key(SECRET)), ID, timestamp,
        BODY.getBytes(StandardCharsets.UTF_8));
    for (var s : new SecurityGuide().snippets()) Files.writeString(dir.resolve(s.file()), s.code());
  }

  @Test
  void javaSnippetVerifies() throws Exception {
    Path source = dir.resolve("WebhookVerifier.java");
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
    assertThat(rc).as("the Java snippet compiles").isZero();
    try (var loader = new URLClassLoader(new URL[] {dir.toUri().toURL()})) {
      Method verify = loader.loadClass("WebhookVerifier").getMethod("verify", String.class,
          String.class, String.class, byte[].class, String.class);
      byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
      String ts = Long.toString(timestamp);
      assertThat(verify.invoke(null, SECRET, ID, ts, body, signatures)).isEqualTo(true);
      assertThat(verify.invoke(null, SECRET, ID, ts, (BODY + " ").getBytes(StandardCharsets.UTF_8), signatures))
          .isEqualTo(false);
      assertThat(verify.invoke(null, "whsec_" + Base64.getEncoder().encodeToString(new byte[24]),
          ID, ts, body, signatures)).isEqualTo(false);
      assertThat(verify.invoke(null, SECRET, ID, Long.toString(timestamp - 3600), body, signatures))
          .as("an hour-old timestamp").isEqualTo(false);
    }
  }

  @Test
  void nodeSnippetVerifies() throws Exception {
    String script = """
        const { verifyWebhook } = require(process.argv[2]);
        const [secret, id, ts, sig, body] = process.argv.slice(3);
        const ok = verifyWebhook(secret, {"webhook-id": id, "webhook-timestamp": ts, "webhook-signature": sig}, Buffer.from(body, "utf8"));
        process.stdout.write(String(ok));
        """;
    Path runner = Files.writeString(dir.resolve("run.js"), script);
    String module = dir.resolve("verify-webhook.js").toString();
    assertThat(run("node", runner.toString(), module, SECRET, ID, "" + timestamp, signatures, BODY)).isEqualTo("true");
    assertThat(run("node", runner.toString(), module, SECRET, ID, "" + timestamp, signatures, BODY + " ")).isEqualTo("false");
  }

  @Test
  void pythonSnippetVerifies() throws Exception {
    String script = """
        import sys
        sys.path.insert(0, sys.argv[1])
        from verify_webhook import verify_webhook
        secret, msg_id, ts, sig, body = sys.argv[2:]
        headers = {"webhook-id": msg_id, "webhook-timestamp": ts, "webhook-signature": sig}
        sys.stdout.write(str(verify_webhook(secret, headers, body.encode("utf-8"))).lower())
        """;
    Path runner = Files.writeString(dir.resolve("run.py"), script);
    assertThat(run("python3", runner.toString(), dir.toString(), SECRET, ID, "" + timestamp, signatures, BODY)).isEqualTo("true");
    assertThat(run("python3", runner.toString(), dir.toString(), OTHER.replace('a', 'b'), ID, "" + timestamp, signatures, BODY))
        .isEqualTo("false");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command[0]) + " said: " + out).isZero();
    return out.trim();
  }
}
