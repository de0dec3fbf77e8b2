package dev.hookdesk.console;

import dev.hookdesk.core.DomainException;
import dev.hookdesk.events.Event;
import dev.hookdesk.http.Principal;
import dev.hookdesk.live.SseStream;
import dev.hookdesk.live.Subscription;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The door of every browser page, the console's and the desk's: finds the session from its
 * cookie, sends signed-out browsers to a sign-in page, checks the CSRF token of every form,
 * keeps Settings to admins, and shows domain errors as pages rather than problem+json.
 */
public final class ConsoleGate {
  static final String SESSION_COOKIE = "hookdesk_session";
  /** Before a session exists, sign-in forms are protected by this double-submitted cookie. */
  static final String FORM_COOKIE = "hookdesk_signin";
  static final String CSRF_FIELD = "_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";

  /** A handler that runs for a signed-in browser. */
  @FunctionalInterface
  public interface Page {
    void handle(Context ctx, ConsoleSession session) throws Exception;
  }

  private final ConsoleSessions sessions;
  private final SessionEnds ends;
  private final Templates templates;

  ConsoleGate(ConsoleSessions sessions, SessionEnds ends, Templates templates) {
    this.sessions = Objects.requireNonNull(sessions);
    this.ends = Objects.requireNonNull(ends);
    this.templates = Objects.requireNonNull(templates);
  }

  /** A Settings page that only reads: an admin's session. */
  public Handler page(Page page) {
    return ctx -> {
      Optional<ConsoleSession> s = session(ctx);
      if (s.isEmpty()) {
        toSignIn(ctx, "/console");
      } else if (!s.get().isAdmin()) {
        needsAdmin(ctx, s.get());
      } else {
        run(ctx, s.get(), page);
      }
    };
  }

  /** A Settings form or htmx action that changes something: an admin's session and its CSRF token. */
  public Handler form(Page page) {
    return guarded("/console", true, page);
  }

  /** A desk page: anyone signed in. */
  public Handler desk(Page page) {
    return ctx -> {
      Optional<ConsoleSession> s = session(ctx);
      if (s.isEmpty()) {
        toSignIn(ctx, "/sign-in");
      } else {
        run(ctx, s.get(), page);
      }
    };
  }

  /** A desk form: anyone signed in, with the session's CSRF token. */
  public Handler deskForm(Page page) {
    return guarded("/sign-in", false, page);
  }

  private Handler guarded(String signIn, boolean adminOnly, Page page) {
    return ctx -> {
      Optional<ConsoleSession> s = session(ctx);
      if (s.isEmpty()) {
        toSignIn(ctx, signIn);
      } else if (!csrfMatches(ctx, s.get().csrf())) {
        error(ctx, s.get().chrome("Form expired", ""), 403,
            "This form has expired or did not come from Hookdesk. Reload the page and try again.");
      } else if (adminOnly && !s.get().isAdmin()) {
        needsAdmin(ctx, s.get());
      } else {
        run(ctx, s.get(), page);
      }
    };
  }

  public Templates templates() {
    return templates;
  }

  public Optional<ConsoleSession> session(Context ctx) {
    return sessions.find(ctx.cookie(SESSION_COOKIE));
  }

  /** Opens a session for an API token (the console's sign-in for automation). */
  void signIn(Context ctx, Principal principal) {
    ctx.cookie(cookie(ctx, SESSION_COOKIE, sessions.open(principal), "/", -1));
  }

  /** Opens a session for an agent who proved who they are (password, invitation). */
  public void signInAgent(Context ctx, String workspaceId, String agentId) {
    ctx.cookie(cookie(ctx, SESSION_COOKIE, sessions.openFor(workspaceId, agentId), "/", -1));
    ctx.cookie(cookie(ctx, FORM_COOKIE, "", "/", 0));
  }

  public void signOut(Context ctx, ConsoleSession session) {
    sessions.close(session);
    ctx.cookie(cookie(ctx, SESSION_COOKIE, "", "/", 0));
  }

  /** Ends every password session of an agent, in the caller's transaction (and their streams once it commits). */
  public void endSessions(Handle h, String agentId) {
    sessions.endAgent(h, agentId);
  }

  /**
   * Serves a live stream for as long as its session lasts: it ends as soon as the session is
   * signed out or its agent's sessions end (on any node), and at the next heartbeat after the
   * session expires, idles out or loses its token. Asking does not count as activity, so an
   * open stream does not keep an unattended session alive.
   */
  public void stream(Context ctx, ConsoleSession session, Subscription events,
      Function<Event, Optional<SseStream.Message>> render) throws IOException {
    try (SessionEnds.Watching w = ends.watch(session, events::end)) {
      SseStream.open(ctx).pump(events, render, SseStream.HEARTBEAT, () -> sessions.stillOpen(session));
    }
  }

  /**
   * The CSRF token of a form shown before any session exists (sign-in, invitation): a fresh
   * random value, also set as a cookie that the form's post must match.
   */
  public String openForm(Context ctx) {
    String csrf = sessions.random();
    ctx.cookie(cookie(ctx, FORM_COOKIE, csrf, "/", -1));
    return csrf;
  }

  /** Whether a pre-session form came back with the token of its cookie. */
  public boolean formMatches(Context ctx) {
    String expected = ctx.cookie(FORM_COOKIE);
    return expected != null && !expected.isEmpty() && csrfMatches(ctx, expected);
  }

  /** Cookies of the browser pages: HttpOnly, SameSite=Strict, Secure when served over https. */
  static Cookie cookie(Context ctx, String name, String value, String path, int maxAge) {
    return new Cookie(name, value, path, maxAge, secure(ctx), true, null, SameSite.STRICT);
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

  /** Settings are for admins: anyone else signed in gets a page that says so, and a way back. */
  void needsAdmin(Context ctx, ConsoleSession session) {
    templates.send(ctx, 403, "console/needs_admin.jte", new NeedsAdminPage(
        new Chrome("Needs an admin", Chrome.DENIED, session.csrf(), session.name()), session.principal().role().key(),
        session.person()));
  }

  private void run(Context ctx, ConsoleSession session, Page page) throws Exception {
    try {
      page.handle(ctx, session);
    } catch (DomainException e) {
      error(ctx, session.chrome(e.title(), ""), e.status(), e.getMessage());
    }
  }

  private static void toSignIn(Context ctx, String signIn) {
    if (ctx.header("HX-Request") != null) {
      // htmx would swap a redirect's page into a fragment; ask it to navigate instead.
      ctx.header("HX-Redirect", signIn).status(401);
    } else {
      ctx.redirect(signIn, HttpStatus.SEE_OTHER);
    }
  }

  /** The model of console/error.jte. */
  public record ErrorPage(Chrome chrome, int status, String message) {}

  /**
   * The model of console/needs_admin.jte.
   *
   * @param person signed in as a person (email and password), not with a token
   */
  record NeedsAdminPage(Chrome chrome, String role, boolean person) {}
}
