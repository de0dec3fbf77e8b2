package dev.hookdesk.docs;

import dev.hookdesk.http.Router;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /docs}: Swagger UI (from its webjar, version pinned in pom.xml) showing the OpenAPI
 * document, whose webhooks are the catalog's events, with links to both raw documents. The
 * page's own script is a served file so that its Content-Security-Policy allows no inline code.
 */
final class DocsPage {
  /**
   * Swagger UI sets style attributes as it renders, so this page alone allows inline styles;
   * scripts stay 'self' only. Images include data: URIs (its icons).
   */
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
      + "base-uri 'none'; object-src 'none'";

  private final Map<String, byte[]> assets;
  private final byte[] page;

  DocsPage() {
    String ui = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
    this.page = read("docs/index.html");
    this.assets = Map.of(
        "docs.js", read("docs/docs.js"),
        "docs.css", read("docs/docs.css"),
        "swagger-ui-bundle.js", read(ui + "swagger-ui-bundle.js"),
        "swagger-ui.css", read(ui + "swagger-ui.css"),
        "favicon.png", read(ui + "favicon-32x32.png"));
  }

  void register(Router router) {
    router.raw().get("/docs", this::page);
    router.raw().get("/docs/assets/{file}", this::asset);
  }

  private void page(Context ctx) {
    ctx.header("Cache-Control", "no-cache")
        .header("Content-Security-Policy", CSP)
        .header("Referrer-Policy", "same-origin")
        .header("X-Content-Type-Options", "nosniff")
        .contentType("text/html; charset=utf-8").result(page);
  }

  private void asset(Context ctx) {
    String file = ctx.pathParam("file");
    byte[] body = assets.get(file);
    if (body == null) {
      ctx.status(404).result("no such asset");
      return;
    }
    String type = file.endsWith(".png") ? "image/png"
        : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    ctx.header("Cache-Control", "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .contentType(type).result(body);
  }

  /** The Swagger UI version pinned in pom.xml, read from its webjar so it is named in one place. */
  static String swaggerUiVersion() {
    Properties p = new Properties();
    try (InputStream in = DocsPage.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing docs asset " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
