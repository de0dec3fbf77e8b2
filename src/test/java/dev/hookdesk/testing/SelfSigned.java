package dev.hookdesk.testing;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool. */
public record SelfSigned(Path keyStore, Path pem) {
  static final String PASSWORD = "changeit";

  public static SelfSigned create() throws Exception {
    Path dir = Files.createTempDirectory("hookdesk-cert");
    Path ks = dir.resolve("receiver.p12");
    Path pem = dir.resolve("receiver.pem");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", PASSWORD);
    run(keytool, "-exportcert", "-rfc", "-alias", "receiver", "-keystore", ks.toString(),
        "-storepass", PASSWORD, "-file", pem.toString());
    return new SelfSigned(ks, pem);
  }

  /** What an HTTPS server presenting this certificate needs. */
  SSLContext serverContext() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD.toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    return ssl;
  }

  private static void run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
  }
}
