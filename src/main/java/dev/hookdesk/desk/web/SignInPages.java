package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import dev.hookdesk.people.People;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /sign-in} with email and password, {@code /sign-out}, and {@code /invite/{secret}}
 * where an invited person chooses a password. Forms shown before a session exists carry the
 * gate's double-submitted CSRF token; a wrong email and a wrong password read the same.
 */
public final class SignInPages implements Routes {
  static final String HOME = "/desk";
  private static final String WRONG = "The email or password is wrong.";
  private static final String LOCKED = "Too many failed sign-ins: this account is locked for 15 "
      + "minutes. Try again later, or ask an admin for a new invitation.";

  private final ConsoleGate gate;
  private final People people;

  public SignInPages(ConsoleGate gate, People people) {
    this.gate = Objects.requireNonNull(gate);
    this.people = Objects.requireNonNull(people);
  }

  @Override
  public void register(Router router) {
    var routes = router.raw();
    routes.get("/sign-in", ctx -> {
      if (gate.session(ctx).isPresent()) {
        ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      } else {
        signInPage(ctx, 200, "", null, ctx.queryParam("signed-out") != null ? "You are signed out." : null);
      }
    });
    routes.post("/sign-in", this::signIn);
    routes.post("/sign-out", gate.deskForm((ctx, session) -> {
      gate.signOut(ctx, session);
      ctx.redirect("/sign-in?signed-out", HttpStatus.SEE_OTHER);
    }));
    routes.get("/invite/{secret}", ctx -> {
      Optional<People.Invitee> invitee = people.invitee(ctx.pathParam("secret"));
      if (invitee.isEmpty()) {
        linkGone(ctx);
      } else {
        passwordPage(ctx, 200, invitee.get(), null);
      }
    });
    routes.post("/invite/{secret}", this::choosePassword);
  }

  private void signIn(Context ctx) {
    String email = field(ctx, "email");
    if (!gate.formMatches(ctx)) {
      signInPage(ctx, 403, email, "The sign-in form expired. Try again.", null);
      return;
    }
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (email.isEmpty() || password.isEmpty()) {
      signInPage(ctx, 422, email, "Give your email and your password.", null);
      return;
    }
    switch (people.signIn(email, password)) {
      case People.Attempt.SignedIn s -> {
        gate.signInAgent(ctx, s.workspaceId(), s.agentId());
        ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
      }
      case People.Attempt.Wrong w -> signInPage(ctx, 401, email, WRONG, null);
      case People.Attempt.Locked l -> {
        ctx.header("Retry-After", "900");
        signInPage(ctx, 429, email, LOCKED, null);
      }
    }
  }

  private void choosePassword(Context ctx) {
    String secret = ctx.pathParam("secret");
    if (!gate.formMatches(ctx)) {
      people.invitee(secret).ifPresentOrElse(
          i -> passwordPage(ctx, 403, i, "This form expired. Type your password again."),
          () -> linkGone(ctx));
      return;
    }
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String repeated = Optional.ofNullable(ctx.formParam("repeat")).orElse("");
    switch (people.choosePassword(secret, password, repeated)) {
      case People.Choice.Chosen c -> {
        gate.signInAgent(ctx, c.workspaceId(), c.agentId());
        ctx.redirect(HOME, HttpStatus.SEE_OTHER);
      }
      case People.Choice.Refused r -> people.invitee(secret).ifPresentOrElse(
          i -> passwordPage(ctx, 422, i, r.problem()), () -> linkGone(ctx));
      case People.Choice.LinkGone g -> linkGone(ctx);
    }
  }

  private void signInPage(Context ctx, int status, String email, String error, String notice) {
    String csrf = gate.openForm(ctx);
    String next = Optional.ofNullable(ctx.queryParam("next")).orElse(ctx.formParam("next"));
    gate.templates().send(ctx, status, "desk/signin.jte", new Pages.SignIn(
        DeskChrome.signedOut("Sign in", csrf), email, error, notice, HOME.equals(next(next)) ? null : next));
  }

  /** Where to go once signed in: a path on this node (an app's consent page), else the desk. */
  static String next(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20)) {
      return HOME;
    }
    return next;
  }

  private void passwordPage(Context ctx, int status, People.Invitee invitee, String error) {
    String csrf = gate.openForm(ctx);
    gate.templates().send(ctx, status, "desk/password.jte", new Pages.Password(
        DeskChrome.signedOut("Choose your password", csrf), ctx.pathParam("secret"),
        invitee.name(), invitee.email(), error));
  }

  private void linkGone(Context ctx) {
    gate.templates().send(ctx, 410, "desk/message.jte", new Pages.Message(
        DeskChrome.signedOut("Invitation used", ""), "This invitation link cannot be used",
        "It has been used already or has expired. Ask an admin of your workspace for a new one."));
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }
}
