package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi20;
import com.github.scribejava.core.model.OAuth2AccessToken;
import com.github.scribejava.core.model.OAuth2AccessTokenErrorResponse;
import com.github.scribejava.core.oauth.AccessTokenRequestParams;
import com.github.scribejava.core.oauth.AuthorizationUrlBuilder;
import com.github.scribejava.core.oauth.OAuth20Service;
import com.github.scribejava.core.oauth2.OAuth2Error;
import com.github.scribejava.core.revoke.TokenTypeHint;
import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16: an app installs itself the way a third party would, with an OAuth 2.0 client
 * library that is not the server's own (ScribeJava): PKCE S256, the code exchanged with HTTP
 * Basic client authentication, refresh rotation, revocation, and the errors RFC 6749 names.
 */
@DbTest
class ThirdPartyClientTest {
  static final String REDIRECT = "http://127.0.0.1:9/callback";
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api owner = node.admin();

  /** Hookdesk's endpoints, as an app's developer would describe them to ScribeJava. */
  static final class HookdeskOAuth extends DefaultApi20 {
    private final String base;

    HookdeskOAuth(String base) {
      this.base = base;
    }

    @Override
    public String getAccessTokenEndpoint() {
      return base + "/oauth/token";
    }

    @Override
    protected String getAuthorizationBaseUrl() {
      return base + "/oauth/authorize";
    }

    @Override
    public String getRevokeTokenEndpoint() {
      return base + "/oauth/revoke";
    }
  }

  record Consent(String code, String verifier) {}

  @Test
  void anAppInstallsIntoTwoWorkspacesRefreshesAndIsUninstalledByRevokingItsRefreshToken() throws Exception {
    Installer installer = new Installer(node, owner, REDIRECT);
    OAuthClient registered = installer.register("tickets:read", "tickets:write");
    OAuth20Service app = service(registered.clientId, registered.clientSecret, "tickets:read tickets:write");

    Api workspaceA = workspace("Acme");
    Api workspaceB = workspace("Globex");
    OAuth2AccessToken a = app.getAccessToken(params(consent(app, installer.signedInAdmin(workspaceA), "allow")));
    OAuth2AccessToken b = app.getAccessToken(params(consent(app, installer.signedInAdmin(workspaceB), "allow")));
    assertThat(a.getTokenType()).isEqualToIgnoringCase("Bearer");
    assertThat(a.getScope()).isEqualTo("tickets:read tickets:write");
    assertThat(a.getExpiresIn()).isPositive();

    // each token acts in its own workspace, within its scopes
    String ticketA = workspaceA.post("/tickets", Api.json(Map.of("subject", "Printer on fire", "body", "Help",
        "requester", Map.of("name", "Rita", "email", "rita@example.com")))).expect(201).str("/id");
    Api asAppInA = owner.as(a.getAccessToken());
    Api asAppInB = owner.as(b.getAccessToken());
    assertThat(asAppInA.get("/tickets/" + ticketA).expect(200).str("/subject")).isEqualTo("Printer on fire");
    asAppInB.get("/tickets/" + ticketA).expect(404);
    asAppInA.get("/contacts").problem(403, null);

    // refresh rotation: the new pair works, the old refresh token does not
    OAuth2AccessToken refreshed = app.refreshAccessToken(a.getRefreshToken());
    assertThat(refreshed.getRefreshToken()).isNotEqualTo(a.getRefreshToken());
    owner.as(refreshed.getAccessToken()).get("/tickets/" + ticketA).expect(200);
    assertThat(error(() -> app.refreshAccessToken(a.getRefreshToken()))).isEqualTo(OAuth2Error.INVALID_GRANT);

    // revoking the refresh token uninstalls the app from workspace A at once; B keeps it
    app.revokeToken(refreshed.getRefreshToken(), TokenTypeHint.REFRESH_TOKEN);
    owner.as(refreshed.getAccessToken()).get("/tickets/" + ticketA).expect(401);
    asAppInB.get("/tickets?limit=1").expect(200);
  }

  @Test
  void theErrorsAreTheOnesRfc6749Names() throws Exception {
    Installer installer = new Installer(node, owner, REDIRECT);
    OAuthClient registered = installer.register("tickets:read");
    OAuth20Service app = service(registered.clientId, registered.clientSecret, "tickets:read");
    DeskClient admin = installer.signedInAdmin(workspace("Initech"));

    // deny: back to the app with error=access_denied and its state, and nothing to exchange
    AuthorizationUrlBuilder denied = app.createAuthorizationUrlBuilder().state("st-deny").initPKCE();
    var answer = OAuthClient.decide(admin, path(denied.build()), "deny");
    assertThat(answer.statusCode()).isEqualTo(303);
    Map<String, String> back = OAuthClient.query(answer.headers().firstValue("location").orElseThrow());
    assertThat(back).containsEntry("error", "access_denied").containsEntry("state", "st-deny");

    // a wrong PKCE verifier, then the code reused after a good exchange
    Consent consent = consent(app, admin, "allow");
    assertThat(error(() -> app.getAccessToken(AccessTokenRequestParams.create(consent.code())
        .pkceCodeVerifier(consent.verifier() + "x")))).isEqualTo(OAuth2Error.INVALID_GRANT);
    Consent fresh = consent(app, admin, "allow");
    app.getAccessToken(params(fresh));
    assertThat(error(() -> app.getAccessToken(params(fresh)))).isEqualTo(OAuth2Error.INVALID_GRANT);

    // the right code with a wrong client secret
    Consent another = consent(app, admin, "allow");
    OAuth20Service impostor = service(registered.clientId, "hdcs_not-the-secret", "tickets:read");
    assertThat(error(() -> impostor.getAccessToken(params(another)))).isEqualTo(OAuth2Error.INVALID_CLIENT);

    // an unregistered redirect URI is never redirected to: the consent page refuses
    OAuth20Service elsewhere = new ServiceBuilder(registered.clientId).apiSecret(registered.clientSecret)
        .defaultScope("tickets:read").callback("https://attacker.example/cb").build(new HookdeskOAuth(node.baseUrl()));
    var refused = admin.get(path(elsewhere.createAuthorizationUrlBuilder().state("s").initPKCE().build()));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("location")).isEmpty();
  }

  private static OAuth20Service service(String clientId, String secret, String scope) {
    return new ServiceBuilder(clientId).apiSecret(secret).defaultScope(scope).callback(REDIRECT)
        .build(new HookdeskOAuth(node.baseUrl()));
  }

  /** The admin allows (or denies) on the consent page of the URL ScribeJava built. */
  private static Consent consent(OAuth20Service app, DeskClient admin, String decision) throws Exception {
    AuthorizationUrlBuilder url = app.createAuthorizationUrlBuilder().state("st-1").initPKCE();
    String built = url.build();
    assertThat(built).contains("code_challenge_method=S256");
    var answer = OAuthClient.decide(admin, path(built), decision);
    assertThat(answer.statusCode()).isEqualTo(303);
    Map<String, String> back = OAuthClient.query(answer.headers().firstValue("location").orElseThrow());
    assertThat(back).containsEntry("state", "st-1");
    return new Consent(back.get("code"), url.getPkce().getCodeVerifier());
  }

  private static AccessTokenRequestParams params(Consent c) {
    return AccessTokenRequestParams.create(c.code()).pkceCodeVerifier(c.verifier());
  }

  private static String path(String url) {
    return url.substring(node.baseUrl().length());
  }

  private static Api workspace(String name) {
    var w = owner.post("/workspaces", Api.json(Map.of("name", name))).expect(201);
    return owner.as(w.str("/admin_token"));
  }

  interface Call {
    void run() throws Exception;
  }

  private static OAuth2Error error(Call call) {
    OAuth2AccessTokenErrorResponse e = catchThrowableOfType(OAuth2AccessTokenErrorResponse.class, call::run);
    assertThat(e).as("an RFC 6749 error response").isNotNull();
    return e.getError();
  }
}
