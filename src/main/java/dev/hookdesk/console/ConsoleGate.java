package dev.hookdesk.console;

import dev.hookdesk.core.DomainException;
import dev.hookdesk.http.Principal;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * The door of every console page: finds the session from its cookie, sends signed-out
 * browsers to the sign-in page, checks the CSRF token of every form, and shows domain
 * errors as pages rather than problem+json.
 */
public final class ConsoleGate {
  static final String SESSION_COOKIE = "hookdesk_session";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** A console handler that runs for a signed-in admin. */
  @FunctionalInterface
  public interface Page {
    void handle(Context ctx, ConsoleSession session) throws Exception;
  }

  private final ConsoleSessions sessions;
  private final Templates templates;

  ConsoleGate(ConsoleSessions sessions, Templates templates) {
    this.sessions = Objects.requireNonNull(sessions);
    this.templates = Objects.requireNonNull(templates);
  }

  /** A page that only reads: a session is enough. */
  public Handler page(Page page) {
    return ctx -> {
      Optional<ConsoleSession> s = session(ctx);
      if (s.isEmpty()) {
        toSignIn(ctx);
      } else {
        run(ctx, s.get(), page);
      }
    };
  }

  /** A form or htmx action that changes something: a session and its CSRF token. */
  public Handler form(Page page) {
    return ctx -> {
      Optional<ConsoleSession> s = session(ctx);
      if (s.isEmpty()) {
        toSignIn(ctx);
      } else if (!csrfMatches(ctx, s.get().csrf())) {
        error(ctx, s.get().chrome("Form expired", ""), 403,
            "This form has expired or did not come from the console. Reload the page and try again.");
      } else {
        run(ctx, s.get(), page);
      }
    };
  }

  public Templates templates() {
    return templates;
  }

  Optional<ConsoleSession> session(Context ctx) {
    return sessions.find(ctx.cookie(SESSION_COOKIE));
  }

  void signIn(Context ctx, Principal principal) {
    ctx.cookie(cookie(ctx, sessions.open(principal), -1));
  }

  void signOut(Context ctx, ConsoleSession session) {
    sessions.close(session);
    ctx.cookie(cookie(ctx, "", 0));
  }

  /** The console's cookies: HttpOnly, SameSite=Strict, Secure when served over https. */
  static Cookie cookie(Context ctx, String value, int maxAge) {
    return new Cookie(SESSION_COOKIE, value, "/", maxAge, secure(ctx), true, null, SameSite.STRICT);
  }

  static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme())
        || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  static boolean csrfMatches(Context ctx, String expected) {
    String given = ctx.header(CSRF_HEADER);
    if (given == null) given = ctx.formParam(CSRF_FIELD);
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  void error(Context ctx, Chrome chrome, int status, String message) {
    templates.send(ctx, status, "console/error.jte", new ErrorPage(chrome, status, message));
  }

  private void run(Context ctx, ConsoleSession session, Page page) throws Exception {
    try {
      page.handle(ctx, session);
    } catch (DomainException e) {
      error(ctx, session.chrome(e.title(), ""), e.status(), e.getMessage());
    }
  }

  private static void toSignIn(Context ctx) {
    if (ctx.header("HX-Request") != null) {
      // htmx would swap a redirect's page into a fragment; ask it to navigate instead.
      ctx.header("HX-Redirect", "/console").status(401);
    } else {
      ctx.redirect("/console", HttpStatus.SEE_OTHER);
    }
  }

  /** The model of console/error.jte. */
  public record ErrorPage(Chrome chrome, int status, String message) {}
}
