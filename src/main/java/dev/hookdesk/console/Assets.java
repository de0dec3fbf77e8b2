package dev.hookdesk.console;

import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The console's static files: its CSS and script from the repo, htmx from its webjar, and the
 * favicon at /favicon.ico, where browsers look for it on any page.
 */
final class Assets implements Routes {
  private final Map<String, byte[]> files;
  private final byte[] favicon = read("console/assets/favicon.ico");

  Assets() {
    this.files = Map.of(
        "console.css", read("console/assets/console.css"),
        "console.js", read("console/assets/console.js"),
        "desk.css", read("console/assets/desk.css"),
        "htmx.min.js", read("META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js"),
        "htmx-ext-sse.js", read("META-INF/resources/webjars/htmx-ext-sse/"
            + webjarVersion("htmx-ext-sse") + "/sse.js"));
  }

  @Override
  public void register(Router router) {
    router.raw().get("/console/assets/{file}", this::serve);
    router.raw().get("/favicon.ico", ctx -> send(ctx, favicon, "image/x-icon"));
  }

  private void serve(Context ctx) {
    byte[] body = files.get(ctx.pathParam("file"));
    if (body == null) {
      ctx.status(404).result("no such asset");
      return;
    }
    String type = ctx.pathParam("file").endsWith(".css") ? "text/css" : "text/javascript";
    send(ctx, body, type + "; charset=utf-8");
  }

  private static void send(Context ctx, byte[] body, String contentType) {
    ctx.header("Cache-Control", "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .contentType(contentType).result(body);
  }

  /** The htmx version pinned in pom.xml, read from the webjar so it is named in one place. */
  static String htmxVersion() {
    return webjarVersion("htmx.org");
  }

  private static String webjarVersion(String artifact) {
    Properties p = new Properties();
    try (InputStream in = Assets.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
      if (in == null) throw new IllegalStateException("the " + artifact + " webjar is not on the classpath");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing console asset " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
