package dev.hookdesk.webhooks;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A webhook receiver on loopback (HTTP, or HTTPS with a self-signed certificate) that records requests. */
final class Receiver implements AutoCloseable, AfterAllCallback {
  record Request(String path, Map<String, String> headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  record Answer(int status, Map<String, String> headers, byte[] body) {}

  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  /** How long the receiver takes before answering (a slow endpoint). */
  volatile long delayMillis;
  volatile Answer answer = new Answer(200, Map.of(), "ok".getBytes(StandardCharsets.UTF_8));

  private Receiver(HttpServer server) {
    this.server = server;
    server.createContext("/", ex -> {
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(", ", v)));
      try (InputStream in = ex.getRequestBody()) {
        requests.add(new Request(ex.getRequestURI().getPath(), headers, in.readAllBytes()));
      }
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Answer a = answer;
      a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
      if (a.body().length > 0) ex.getResponseBody().write(a.body());
      ex.close();
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** A receiver for a whole test class: {@code @RegisterExtension static final Receiver r = Receiver.perClass();}. */
  static Receiver perClass() {
    try {
      return http();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  static Receiver http() throws IOException {
    return new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
  }

  /** HTTPS with the key pair of {@link SelfSigned}. */
  static Receiver https(SelfSigned cert) throws Exception {
    HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(cert.keyStore())) {
      ks.load(in, SelfSigned.PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, SelfSigned.PASSWORD.toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    s.setHttpsConfigurator(new HttpsConfigurator(ssl));
    return new Receiver(s);
  }

  String url(String path) {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int port() {
    return server.getAddress().getPort();
  }

  Request last() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A self-signed certificate for 127.0.0.1 and localhost, made with the JDK's keytool. */
  record SelfSigned(Path keyStore, Path pem) {
    static final String PASSWORD = "changeit";

    static SelfSigned create() throws Exception {
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

    private static void run(String... cmd) throws Exception {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
    }
  }
}
