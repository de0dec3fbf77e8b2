package dev.hookdesk.apps;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.desk.web.DeskChrome;
import dev.hookdesk.desk.web.Pages;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /oauth/authorize} (RFC 6749 §4.1 with PKCE S256): a signed-in workspace admin sees the
 * app and each scope it asks for and answers "Allow" or "Deny". An unknown client or redirect
 * URI gets an error page, never a redirect (§4.1.2.1); other errors go back to the app.
 */
public final class AuthorizeRoutes implements Routes {
  static final String PATH = "/oauth/authorize";
  private static final List<String> PARAMS = List.of("response_type", "client_id", "redirect_uri",
      "scope", "state", "code_challenge", "code_challenge_method");

  private final ConsoleGate gate;
  private final Apps apps;
  private final Grants grants;

  public AuthorizeRoutes(ConsoleGate gate, Apps apps, Grants grants) {
    this.gate = Objects.requireNonNull(gate);
    this.apps = Objects.requireNonNull(apps);
    this.grants = Objects.requireNonNull(grants);
  }

  /** An authorization request checked against the app's registration. */
  private record Checked(App app, URI redirect, State state, List<String> scopes, String challenge) {}

  /** An authorization request that cannot be answered by a redirect. */
  private record Unanswerable(String message) {}

  @Override
  public void register(Router router) {
    router.raw().get(PATH, ctx -> {
      Map<String, List<String>> params = params(ctx.queryParamMap());
      Object checked = check(params);
      if (checked instanceof Unanswerable u) {
        message(ctx, 400, u.message());
        return;
      }
      if (checked instanceof URI errorRedirect) {
        ctx.redirect(errorRedirect.toString(), HttpStatus.SEE_OTHER);
        return;
      }
      Optional<ConsoleSession> session = gate.session(ctx);
      if (session.isEmpty()) {
        String back = PATH + "?" + ctx.queryString();
        ctx.redirect("/sign-in?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        return;
      }
      if (!session.get().isAdmin()) {
        message(ctx, 403, "Only an admin of your workspace can install an app. Ask one to open this link.");
        return;
      }
      consent(ctx, session.get(), (Checked) checked, params);
    });
    router.raw().post(PATH, gate.deskForm((ctx, session) -> {
      Map<String, List<String>> params = params(ctx.formParamMap());
      Object checked = check(params);
      if (checked instanceof Unanswerable u) {
        message(ctx, 400, u.message());
      } else if (checked instanceof URI errorRedirect) {
        ctx.redirect(errorRedirect.toString(), HttpStatus.SEE_OTHER);
      } else if (!session.isAdmin()) {
        message(ctx, 403, "Only an admin of your workspace can install an app.");
      } else {
        Checked c = (Checked) checked;
        URI to;
        if ("allow".equals(ctx.formParam("decision"))) {
          String code = grants.issueCode(c.app(), session.workspaceId(), session.actor().id(),
              c.redirect().toString(), c.scopes(), c.challenge());
          to = new AuthorizationSuccessResponse(c.redirect(), new AuthorizationCode(code), null,
              c.state(), null).toURI();
        } else {
          to = new AuthorizationErrorResponse(c.redirect(), OAuth2Error.ACCESS_DENIED, c.state(), null).toURI();
        }
        ctx.redirect(to.toString(), HttpStatus.SEE_OTHER);
      }
    }));
  }

  /** A {@link Checked} request, an error redirect ({@link URI}), or {@link Unanswerable}. */
  private Object check(Map<String, List<String>> params) {
    String clientId = first(params, "client_id");
    Optional<App> app = clientId == null ? Optional.empty() : apps.byClientId(clientId);
    if (app.isEmpty()) return new Unanswerable("This link names no app registered here (client_id).");
    String redirect = first(params, "redirect_uri");
    if (redirect == null || !app.get().redirectUris().contains(redirect)) {
      return new Unanswerable("This link's redirect_uri is not one that " + app.get().name()
          + " registered, so Hookdesk will not send you there.");
    }
    URI to = URI.create(redirect);
    State state = Optional.ofNullable(first(params, "state")).map(State::new).orElse(null);
    AuthorizationRequest request;
    try {
      request = AuthorizationRequest.parse(params);
    } catch (ParseException e) {
      ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
      return refuse(to, error.setDescription(e.getMessage()), state);
    }
    if (!request.getResponseType().equals(ResponseType.CODE)) {
      return refuse(to, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE.setDescription("only response_type=code"), state);
    }
    if (request.getCodeChallenge() == null
        || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
      return refuse(to, OAuth2Error.INVALID_REQUEST.setDescription(
          "PKCE is required: send code_challenge with code_challenge_method=S256"), state);
    }
    List<String> scopes = request.getScope() == null ? app.get().scopes() : request.getScope().toStringList();
    for (String s : scopes) {
      if (!app.get().scopes().contains(s)) {
        return refuse(to, OAuth2Error.INVALID_SCOPE.setDescription("the app did not register the scope " + s), state);
      }
    }
    return new Checked(app.get(), to, state, List.copyOf(scopes), request.getCodeChallenge().getValue());
  }

  private static URI refuse(URI redirect, ErrorObject error, State state) {
    return new AuthorizationErrorResponse(redirect, error, state, null).toURI();
  }

  private void consent(Context ctx, ConsoleSession session, Checked c, Map<String, List<String>> params) {
    List<ConsentPage.Scope> scopes = new ArrayList<>();
    for (String s : c.scopes()) scopes.add(new ConsentPage.Scope(s, ConsentPage.meaning(s)));
    List<ConsentPage.Field> fields = new ArrayList<>();
    params.forEach((k, v) -> fields.add(new ConsentPage.Field(k, v.get(0))));
    String html = gate.templates().render("apps/consent.jte", new ConsentPage(
        DeskChrome.of(session, "Install " + c.app().name(), ""), c.app().name(), c.app().homepageUrl(),
        session.workspaceId(), scopes, fields));
    // The form's answer redirects to the app: the page's form-action must allow its origin.
    ctx.header("Cache-Control", "no-store")
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
            + "frame-ancestors 'none'; form-action 'self' " + origin(c.redirect())
            + "; base-uri 'none'; object-src 'none'")
        .header("Referrer-Policy", "same-origin").header("X-Content-Type-Options", "nosniff")
        .status(200).html(html);
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }

  private void message(Context ctx, int status, String message) {
    String csrf = gate.session(ctx).map(ConsoleSession::csrf).orElse("");
    gate.templates().send(ctx, status, "desk/message.jte", new Pages.Message(
        DeskChrome.signedOut("App not installed", csrf), "This app cannot be installed", message));
  }

  private static Map<String, List<String>> params(Map<String, List<String>> raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : PARAMS) {
      List<String> v = raw.get(name);
      if (v != null && !v.isEmpty()) out.put(name, List.of(v.get(0)));
    }
    return out;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> v = params.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
