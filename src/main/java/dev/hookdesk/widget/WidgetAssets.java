package dev.hookdesk.widget;

import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code /widget.js} and {@code /widget.css}, which any site may load, and {@code /widget/demo},
 * a page of this node that embeds the widget for a workspace and source.
 */
public final class WidgetAssets implements Routes {
  private static final String ID = "[A-Za-z0-9_]{1,64}";

  private final byte[] script = read("widget/widget.js");
  private final byte[] style = read("widget/widget.css");
  private final Supplier<String> defaultWorkspace;

  public WidgetAssets(Supplier<String> defaultWorkspace) {
    this.defaultWorkspace = Objects.requireNonNull(defaultWorkspace);
  }

  @Override
  public void register(Router router) {
    router.raw().get("/widget.js", ctx -> send(ctx, script, "text/javascript; charset=utf-8"));
    router.raw().get("/widget.css", ctx -> send(ctx, style, "text/css; charset=utf-8"));
    router.raw().get("/widget/demo", this::demo);
  }

  private void demo(Context ctx) {
    String workspace = param(ctx, "workspace", defaultWorkspace.get());
    String source = param(ctx, "source", "website");
    // Both match [A-Za-z0-9_], so they need no escaping in the attributes below.
    String page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Hookdesk chat widget demo</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body><main><h1>Chat widget demo</h1>
        <p>This page embeds the Hookdesk chat widget for workspace <code>%1$s</code>, source
        <code>%2$s</code>, with one tag. Open it with the button in the corner.</p>
        <pre>&lt;script src="/widget.js" data-workspace="%1$s" data-source="%2$s" async&gt;&lt;/script&gt;</pre>
        </main>
        <script src="/widget.js" data-workspace="%1$s" data-source="%2$s" async></script>
        </body></html>
        """.formatted(workspace, source);
    ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; "
        + "base-uri 'none'; object-src 'none'; form-action 'none'");
    ctx.html(page);
  }

  private static String param(Context ctx, String name, String fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isEmpty()) return fallback;
    if (!v.matches(ID)) throw new Invalid(name, "'" + v + "' is not a " + name + " id or key");
    return v;
  }

  private static void send(Context ctx, byte[] body, String contentType) {
    ctx.header("Cache-Control", "public, max-age=300")
        .header("X-Content-Type-Options", "nosniff")
        // sites that isolate themselves (COEP) may still load it
        .header("Cross-Origin-Resource-Policy", "cross-origin")
        .contentType(contentType).result(body);
  }

  private static byte[] read(String resource) {
    try (InputStream in = WidgetAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is not on the classpath");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
