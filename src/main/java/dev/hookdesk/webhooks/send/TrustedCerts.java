package dev.hookdesk.webhooks.send;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** TLS for receivers: the JDK's trusted CAs plus those of {@code HOOKDESK_TRUSTED_CERTS}. */
final class TrustedCerts {
  private TrustedCerts() {}

  static SslContextFactory.Client tls(Optional<Path> extraPem) {
    SslContextFactory.Client tls = new SslContextFactory.Client();
    // Certificates are always verified, host name included (Jetty's default "HTTPS").
    tls.setEndpointIdentificationAlgorithm("HTTPS");
    if (extraPem.isPresent()) tls.setTrustStore(trustStore(extraPem.get()));
    return tls;
  }

  static KeyStore trustStore(Path pem) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      Path jdk = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
      try (InputStream in = Files.newInputStream(jdk)) {
        store.load(in, null);
      }
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      int n = 0;
      try (InputStream in = Files.newInputStream(pem)) {
        for (Certificate c : x509.generateCertificates(in)) {
          store.setCertificateEntry("hookdesk-trusted-" + n++, c);
        }
      }
      if (n == 0) throw new IllegalArgumentException("no certificate in " + pem);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read trusted certificates from " + pem + ": " + e.getMessage(), e);
    }
  }
}
