package dev.hookdesk.apps;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.PlainClientSecret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.hookdesk.config.PublicUrl;
import dev.hookdesk.http.Router;
import dev.hookdesk.http.Routes;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code POST /oauth/token}, {@code POST /oauth/revoke} (RFC 7009) and the server's metadata
 * (RFC 8414). Clients authenticate with {@code client_secret_basic} or {@code client_secret_post};
 * errors are RFC 6749 §5.2 JSON. Nimbus parses the requests and writes the answers.
 */
public final class TokenRoutes implements Routes {
  static final String TOKEN = "/oauth/token";
  static final String REVOKE = "/oauth/revoke";
  static final String METADATA = "/.well-known/oauth-authorization-server";

  private final Apps apps;
  private final Grants grants;
  private final Supplier<PublicUrl> publicUrl;

  public TokenRoutes(Apps apps, Grants grants, Supplier<PublicUrl> publicUrl) {
    this.apps = Objects.requireNonNull(apps);
    this.grants = Objects.requireNonNull(grants);
    this.publicUrl = Objects.requireNonNull(publicUrl);
  }

  @Override
  public void register(Router router) {
    router.raw().post(TOKEN, this::token);
    router.raw().post(REVOKE, this::revoke);
    router.raw().get(METADATA, ctx -> ctx.header("Cache-Control", "max-age=300")
        .contentType("application/json").result(metadata().toJSONObject().toJSONString()));
  }

  private void token(Context ctx) {
    TokenRequest request;
    try {
      request = TokenRequest.parse(nimbus(ctx, TOKEN));
    } catch (ParseException e) {
      error(ctx, orInvalidRequest(e));
      return;
    }
    App app;
    try {
      app = client(request.getClientAuthentication());
    } catch (Grants.Refused r) {
      error(ctx, r.error);
      return;
    }
    AuthorizationGrant grant = request.getAuthorizationGrant();
    try {
      Grants.Issued issued;
      if (grant instanceof AuthorizationCodeGrant code) {
        issued = grants.exchange(app, code.getAuthorizationCode().getValue(),
            code.getRedirectionURI() == null ? null : code.getRedirectionURI().toString(),
            code.getCodeVerifier());
      } else if (grant instanceof RefreshTokenGrant refresh) {
        issued = grants.refresh(app, refresh.getRefreshToken().getValue());
      } else {
        error(ctx, OAuth2Error.UNSUPPORTED_GRANT_TYPE.setDescription(
            "use grant_type authorization_code or refresh_token"));
        return;
      }
      Tokens tokens = new Tokens(new BearerAccessToken(issued.accessToken(), issued.expiresIn(),
          new Scope(issued.scopes().toArray(String[]::new))), new RefreshToken(issued.refreshToken()));
      send(ctx, new AccessTokenResponse(tokens).toHTTPResponse());
    } catch (Grants.Refused r) {
      error(ctx, r.error);
    }
  }

  private void revoke(Context ctx) {
    TokenRevocationRequest request;
    try {
      request = TokenRevocationRequest.parse(nimbus(ctx, REVOKE));
    } catch (ParseException e) {
      error(ctx, orInvalidRequest(e));
      return;
    }
    try {
      grants.revoke(client(request.getClientAuthentication()), request.getToken().getValue());
      ctx.status(200).header("Cache-Control", "no-store");
    } catch (Grants.Refused r) {
      error(ctx, r.error);
    }
  }

  private App client(ClientAuthentication auth) throws Grants.Refused {
    if (!(auth instanceof PlainClientSecret secret)) {
      throw new Grants.Refused(OAuth2Error.INVALID_CLIENT,
          "authenticate with client_secret_basic or client_secret_post");
    }
    return apps.authenticate(secret.getClientID().getValue(), secret.getClientSecret().getValue())
        .orElseThrow(() -> new Grants.Refused(OAuth2Error.INVALID_CLIENT, "unknown client or wrong secret"));
  }

  AuthorizationServerMetadata metadata() {
    AuthorizationServerMetadata m = new AuthorizationServerMetadata(new Issuer(issuer()));
    m.setAuthorizationEndpointURI(URI.create(publicUrl.get().resolve(AuthorizeRoutes.PATH)));
    m.setTokenEndpointURI(URI.create(publicUrl.get().resolve(TOKEN)));
    m.setRevocationEndpointURI(URI.create(publicUrl.get().resolve(REVOKE)));
    m.setScopes(new Scope(Scopes.ALL.toArray(String[]::new)));
    m.setResponseTypes(List.of(ResponseType.CODE));
    m.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    m.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    List<ClientAuthenticationMethod> auth = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
        ClientAuthenticationMethod.CLIENT_SECRET_POST);
    m.setTokenEndpointAuthMethods(auth);
    m.setRevocationEndpointAuthMethods(auth);
    return m;
  }

  private String issuer() {
    String s = publicUrl.get().toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private HTTPRequest nimbus(Context ctx, String path) {
    HTTPRequest r = new HTTPRequest(HTTPRequest.Method.POST, URI.create(publicUrl.get().resolve(path)));
    String type = ctx.header("Content-Type");
    if (type != null) r.setHeader("Content-Type", type);
    String authorization = ctx.header("Authorization");
    if (authorization != null) r.setAuthorization(authorization);
    r.setBody(ctx.body());
    return r;
  }

  private static ErrorObject orInvalidRequest(ParseException e) {
    ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
    return error.setDescription(ErrorObject.removeIllegalChars(e.getMessage()));
  }

  private static void error(Context ctx, ErrorObject error) {
    boolean client = OAuth2Error.INVALID_CLIENT.getCode().equals(error.getCode());
    HTTPResponse r = new TokenErrorResponse(client ? error.setHTTPStatusCode(401) : error).toHTTPResponse();
    if (client) r.setHeader("WWW-Authenticate", "Basic realm=\"hookdesk\"");
    send(ctx, r);
  }

  private static void send(Context ctx, HTTPResponse r) {
    ctx.status(r.getStatusCode());
    r.getHeaderMap().forEach((name, values) -> {
      if (!values.isEmpty()) ctx.header(name, values.get(0));
    });
    ctx.result(r.getBody() == null ? "" : r.getBody());
  }
}
