package dev.hookdesk.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Objects;

/** The precompiled JTE templates; each takes one model record. */
public final class Templates {
  // The jte-maven-plugin generates the template classes under this package (see pom.xml).
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      Templates.class.getClassLoader(), "dev.hookdesk");

  public String render(String template, Object model) {
    StringOutput out = new StringOutput();
    engine.render(template, Objects.requireNonNull(model), out);
    return out.toString();
  }

  /** Answers with an HTML page (or fragment) that is never cached and never framed. */
  public void send(Context ctx, int status, String template, Object model) {
    String html = render(template, model);
    ctx.header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")
        .header("Referrer-Policy", "same-origin")
        .header("X-Content-Type-Options", "nosniff")
        .status(status).html(html);
  }
}
