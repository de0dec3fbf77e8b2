package dev.hookdesk.console;

import dev.hookdesk.http.Principal;
import dev.hookdesk.http.Role;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.workspaces.TokenService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /console}: sign in with an admin API token (automation, and admins without a
 * password), sign out. People sign in with email and password at {@code /sign-in}; both open
 * the same kind of session.
 */
final class SignInRoutes implements Routes {
  static final String HOME = "/console/settings/webhooks";

  private final ConsoleGate gate;
  private final TokenService tokens;

  SignInRoutes(ConsoleGate gate, TokenService tokens) {
    this.gate = Objects.requireNonNull(gate);
    this.tokens = Objects.requireNonNull(tokens);
  }

  /** The model of console/signin.jte. */
  record SignInPage(Chrome chrome, String error, String notice) {}

  @Override
  public void register(Router router) {
    var routes = router.raw();
    routes.get("/console", ctx -> {
      if (gate.session(ctx).isPresent()) {
        ctx.redirect(HOME, HttpStatus.SEE_OTHER);
      } else {
        signInPage(ctx, 200, null,
            ctx.queryParam("signed-out") != null ? "You are signed out." : null);
      }
    });
    routes.post("/console/signin", this::signIn);
    routes.post("/console/signout", gate.form((ctx, session) -> {
      gate.signOut(ctx, session);
      // people go back to the email sign-in; token sessions to the token sign-in
      ctx.redirect(session.person() ? "/sign-in?signed-out" : "/console?signed-out",
          HttpStatus.SEE_OTHER);
    }));
  }

  private void signIn(Context ctx) {
    if (!gate.formMatches(ctx)) {
      signInPage(ctx, 403, "The sign-in form expired. Paste your token again.", null);
      return;
    }
    String token = Optional.ofNullable(ctx.formParam("token")).orElse("").trim();
    if (token.isEmpty()) {
      signInPage(ctx, 422, "Paste an API token; admins find theirs in data/admin-token or get one "
          + "from POST /api/v1/tokens.", null);
      return;
    }
    Optional<Principal> principal = tokens.authenticate(token);
    if (principal.isEmpty()) {
      signInPage(ctx, 401, "This token is unknown or has been revoked.", null);
      return;
    }
    if (principal.get().role() != Role.ADMIN) {
      gate.templates().send(ctx, 403, "console/needs_admin.jte", new ConsoleGate.NeedsAdminPage(
          Chrome.signedOut("Needs an admin", ""), principal.get().role().key(), false));
      return;
    }
    gate.signIn(ctx, principal.get());
    ctx.cookie(ConsoleGate.cookie(ctx, ConsoleGate.FORM_COOKIE, "", "/", 0));
    ctx.redirect(HOME, HttpStatus.SEE_OTHER);
  }

  private void signInPage(Context ctx, int status, String error, String notice) {
    String csrf = gate.openForm(ctx);
    gate.templates().send(ctx, status, "console/signin.jte",
        new SignInPage(Chrome.signedOut("Sign in", csrf), error, notice));
  }
}
