package dev.hookdesk.desk.web.chats;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The console's script and style, and htmx's server-sent events extension from its webjar
 * (the version pinned in pom.xml), under {@code /desk/assets/}.
 */
final class ChatAssets {
  private final byte[] script = read("desk/desk-chats.js");
  private final byte[] style = read("desk/desk-chats.css");
  private final byte[] sse = read("META-INF/resources/webjars/htmx-ext-sse/" + sseVersion() + "/sse.js");

  void register(RoutesConfig r) {
    r.get("/desk/assets/desk-chats.js", ctx -> send(ctx, script, "text/javascript"));
    r.get("/desk/assets/desk-chats.css", ctx -> send(ctx, style, "text/css"));
    r.get("/desk/assets/htmx-sse.js", ctx -> send(ctx, sse, "text/javascript"));
  }

  private static void send(Context ctx, byte[] body, String type) {
    ctx.header("Cache-Control", "public, max-age=3600")
        .header("X-Content-Type-Options", "nosniff")
        .contentType(type + "; charset=utf-8").result(body);
  }

  private static String sseVersion() {
    Properties p = new Properties();
    try (InputStream in = ChatAssets.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx-ext-sse/pom.properties")) {
      if (in == null) throw new IllegalStateException("the htmx-ext-sse webjar is not on the classpath");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = ChatAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing desk asset " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
