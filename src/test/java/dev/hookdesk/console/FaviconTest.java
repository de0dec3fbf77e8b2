package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.TestNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browsers ask every site for /favicon.ico; the console's pages point at the same icon. */
class FaviconTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void faviconIcoIsAnIconNotA404() throws Exception {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/favicon.ico")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("image/x-icon");
    // an ICO file starts with reserved 0 and type 1 (icon), little-endian
    assertThat(r.body()).startsWith(new byte[] {0, 0, 1, 0}).hasSizeLessThan(4096);
  }

  @Test
  void consolePagesLinkTheIcon() throws Exception {
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/console")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<link rel=\"icon\" href=\"/favicon.ico\" type=\"image/x-icon\">");
  }
}
