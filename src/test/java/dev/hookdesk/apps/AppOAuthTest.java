package dev.hookdesk.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.ManualClock;
import dev.hookdesk.testing.TestNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 through the doors an app developer and a workspace admin use: the app registry, the
 * consent page as a signed-in admin, the token endpoint with PKCE, installation tokens limited
 * to their scopes, refresh rotation, revocation and uninstall, and RFC 6749's refusals.
 */
@DbTest
class AppOAuthTest {
  static final String REDIRECT = "http://127.0.0.1:9/callback";
  static final AtomicInteger n = new AtomicInteger();
  static final ManualClock clock = new ManualClock();
  static TestNode node;
  static Api owner;

  @BeforeAll
  static void start() {
    node = TestNode.start(clock);
    owner = node.admin();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static OAuthClient register(String... scopes) {
    return new Installer(node, owner, REDIRECT).register(scopes);
  }

  static DeskClient signedInAdmin(Api admin) throws Exception {
    return new Installer(node, owner, REDIRECT).signedInAdmin(admin);
  }

  static OAuthClient.Answer install(OAuthClient app, DeskClient admin, String scope) throws Exception {
    return new Installer(node, owner, REDIRECT).install(app, admin, scope);
  }

  @Test
  void registrationChecksRedirectUrisAndScopesAndShowsTheSecretOnce() {
    owner.post("/apps", Api.json(Map.of("name", "x", "redirect_uris", List.of("http://crm.example/cb"),
        "scopes", List.of("tickets:read")))).problem(422, "redirect_uris[0]");
    owner.post("/apps", Api.json(Map.of("name", "x", "redirect_uris", List.of("https://crm.example/cb"),
        "scopes", List.of("tickets:delete")))).problem(422, "scopes");
    var created = owner.post("/apps", Api.json(Map.of("name", "x", "redirect_uris",
        List.of("https://crm.example/cb", "http://[::1]:8000/cb"), "scopes", List.of("tickets:read"))))
        .expect(201);
    String id = created.str("/id");
    assertThat(created.str("/client_secret")).isNotBlank();
    var read = owner.get("/apps/" + id).expect(200);
    assertThat(read.json().has("client_secret")).isFalse();
    assertThat(owner.get("/apps").expect(200).json().get("data").findValuesAsText("id")).contains(id);
    owner.patch("/apps/" + id, Api.json(Map.of("name", "CRM"))).expect(200);
    var rotated = owner.post("/apps/" + id + "/secret/rotate").expect(200);
    assertThat(rotated.str("/client_secret")).isNotEqualTo(created.str("/client_secret"));
    Api agent = node.withRole("agent");
    agent.post("/apps", Api.json(Map.of("name", "x"))).problem(403, null);
    owner.delete("/apps/" + id).expect(204);
    owner.get("/apps/" + id).problem(404, null);
  }

  @Test
  void anAdminInstallsAndTheTokenActsAsTheAppWithinItsScopes() throws Exception {
    OAuthClient app = register("tickets:read", "tickets:write");
    var tokens = install(app, signedInAdmin(owner), "tickets:read tickets:write");
    assertThat(tokens.str("/token_type")).isEqualTo("Bearer");
    assertThat(tokens.json().get("expires_in").asLong()).isPositive();
    assertThat(tokens.str("/scope").split(" ")).containsExactlyInAnyOrder("tickets:read", "tickets:write");
    Api asApp = owner.as(tokens.str("/access_token"));

    String ticket = asApp.post("/tickets", Api.json(Map.of("subject", "From the CRM", "body", "Hi",
        "requester", Map.of("name", "Kim", "email", "kim@example.com")))).expect(201).str("/id");
    asApp.get("/tickets/" + ticket).expect(200);
    var created = owner.get("/events?type=ticket.created").expect(200).json().get("data");
    var mine = java.util.stream.StreamSupport.stream(created.spliterator(), false)
        .filter(e -> e.at("/data/ticket/id").asText().equals(ticket)).findFirst().orElseThrow();
    assertThat(mine.at("/actor/type").asText()).isEqualTo("app");
    assertThat(mine.at("/actor/id").asText()).startsWith("app_");
    assertThat(mine.at("/actor/via").asText()).isEqualTo(mine.at("/actor/id").asText());

    var refused = asApp.get("/contacts").problem(403, null);
    assertThat(refused.str("/detail")).contains("contacts:read");
    asApp.get("/tokens").problem(403, null);
    asApp.post("/apps", Api.json(Map.of("name", "x"))).problem(403, null);

    // another workspace's resources stay unseen
    var other = owner.post("/workspaces", Api.json(Map.of("name", "Other " + n.incrementAndGet()))).expect(201);
    Api otherAdmin = owner.as(other.str("/admin_token"));
    String theirs = otherAdmin.post("/tickets", Api.json(Map.of("subject", "Theirs", "body", "x",
        "requester", Map.of("name", "Lee", "email", "lee@example.com")))).expect(201).str("/id");
    asApp.get("/tickets/" + theirs).problem(404, null);
  }

  @Test
  void refreshTokensRotateAndRevokingOneUninstalls() throws Exception {
    OAuthClient app = register("tickets:read");
    var tokens = install(app, signedInAdmin(owner), "tickets:read");
    var next = app.refresh(tokens.str("/refresh_token"));
    assertThat(next.status()).as(next.raw().body()).isEqualTo(200);
    assertThat(next.str("/refresh_token")).isNotEqualTo(tokens.str("/refresh_token"));
    var again = app.refresh(tokens.str("/refresh_token"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.str("/error")).isEqualTo("invalid_grant");

    Api asApp = owner.as(next.str("/access_token"));
    asApp.get("/tickets?limit=1").expect(200);
    var revoked = app.post("/oauth/revoke", Map.of("token", next.str("/refresh_token"),
        "token_type_hint", "refresh_token"), true, app.clientSecret);
    assertThat(revoked.status()).isEqualTo(200);
    asApp.get("/tickets?limit=1").problem(401, null);
    var events = owner.get("/events?type=app.uninstalled").expect(200).json().get("data");
    assertThat(events.findValuesAsText("type")).contains("app.uninstalled");
  }

  @Test
  void anAdminUninstallsAndTheTokensStopAtOnce() throws Exception {
    OAuthClient app = register("tickets:read");
    var tokens = install(app, signedInAdmin(owner), "tickets:read");
    Api asApp = owner.as(tokens.str("/access_token"));
    var installations = owner.get("/installations").expect(200).json().get("data");
    String id = java.util.stream.StreamSupport.stream(installations.spliterator(), false)
        .filter(i -> i.get("app_name").asText().startsWith("CRM sync"))
        .filter(i -> i.get("scopes").toString().contains("tickets:read"))
        .reduce((a, b) -> b).orElseThrow().get("id").asText();
    asApp.get("/tickets?limit=1").expect(200);
    owner.delete("/installations/" + id).expect(204);
    asApp.get("/tickets?limit=1").problem(401, null);
    assertThat(app.refresh(tokens.str("/refresh_token")).str("/error")).isEqualTo("invalid_grant");
  }

  @Test
  void theTokenEndpointRefusesAsRfc6749Says() throws Exception {
    OAuthClient app = register("tickets:read");
    DeskClient admin = signedInAdmin(owner);
    String verifier = OAuthClient.verifier();
    String code = code(app, admin, verifier);

    var wrongVerifier = app.exchange(code, OAuthClient.verifier());
    assertThat(wrongVerifier.status()).isEqualTo(400);
    assertThat(wrongVerifier.str("/error")).isEqualTo("invalid_grant");

    String code2 = code(app, admin, verifier);
    var wrongSecret = app.post("/oauth/token", Map.of("grant_type", "authorization_code", "code", code2,
        "redirect_uri", REDIRECT, "code_verifier", verifier), true, "hdcs_wrong");
    assertThat(wrongSecret.status()).isEqualTo(401);
    assertThat(wrongSecret.str("/error")).isEqualTo("invalid_client");

    var other = register("tickets:read");
    var othersCode = other.exchange(code2, verifier);
    assertThat(othersCode.str("/error")).isEqualTo("invalid_grant");

    var wrongRedirect = app.token(Map.of("grant_type", "authorization_code", "code", code2,
        "redirect_uri", "http://127.0.0.1:9/elsewhere", "code_verifier", verifier), false);
    assertThat(wrongRedirect.str("/error")).isEqualTo("invalid_grant");

    var first = app.exchange(code2, verifier);
    assertThat(first.status()).isEqualTo(200);
    var reused = app.exchange(code2, verifier);
    assertThat(reused.str("/error")).isEqualTo("invalid_grant");
    owner.as(first.str("/access_token")).get("/tickets?limit=1").problem(401, null);

    String late = code(app, admin, verifier);
    clock.advance(Duration.ofSeconds(61));
    assertThat(app.exchange(late, verifier).str("/error")).isEqualTo("invalid_grant");

    var grant = app.token(Map.of("grant_type", "password", "username", "x", "password", "y"), true);
    assertThat(grant.status()).isEqualTo(400);
    assertThat(grant.str("/error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void theAuthorizeEndpointNeverRedirectsToAnUnregisteredUriAndNeedsItsCsrfToken() throws Exception {
    OAuthClient app = register("tickets:read");
    DeskClient admin = signedInAdmin(owner);
    String verifier = OAuthClient.verifier();
    String path = app.authorizePath("tickets:read", "s", verifier);

    var badRedirect = admin.get(path.replace("redirect_uri=http", "redirect_uri=https"));
    assertThat(badRedirect.statusCode()).isEqualTo(400);
    assertThat(badRedirect.headers().firstValue("location")).isEmpty();
    var badClient = admin.get(path.replace("client_id=", "client_id=x"));
    assertThat(badClient.statusCode()).isEqualTo(400);

    var noPkce = admin.get(path.replaceAll("&code_challenge=[^&]+", ""));
    assertThat(noPkce.statusCode()).isEqualTo(303);
    assertThat(OAuthClient.query(noPkce.headers().firstValue("location").orElseThrow()).get("error"))
        .isEqualTo("invalid_request");
    var badScope = admin.get(path.replace("scope=tickets%3Aread", "scope=contacts%3Aread"));
    assertThat(OAuthClient.query(badScope.headers().firstValue("location").orElseThrow()).get("error"))
        .isEqualTo("invalid_scope");

    var denied = OAuthClient.decide(admin, path, "deny");
    var q = OAuthClient.query(denied.headers().firstValue("location").orElseThrow());
    assertThat(q.get("error")).isEqualTo("access_denied");
    assertThat(q.get("state")).isEqualTo("s");

    var page = admin.get(path);
    assertThat(page.body()).contains("Allow", "Deny", "tickets:read");
    // another site posts the consent form without the session's CSRF token
    var noToken = admin.post("/oauth/authorize", Map.of("client_id", app.clientId, "redirect_uri", REDIRECT,
        "response_type", "code", "scope", "tickets:read", "code_challenge", OAuthClient.challenge(verifier),
        "code_challenge_method", "S256", "decision", "allow"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.headers().firstValue("location")).isEmpty();

    DeskClient stranger = new DeskClient(node.baseUrl());
    var toSignIn = stranger.get(path);
    assertThat(toSignIn.statusCode()).isEqualTo(303);
    String signIn = toSignIn.headers().firstValue("location").orElseThrow();
    assertThat(signIn).startsWith("/sign-in?next=");
    assertThat(stranger.get(signIn).body()).contains("name=\"next\"");
  }

  @Test
  void metadataNamesThePublicUrlAndTheEndpoints() throws Exception {
    var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(node.baseUrl() + "/.well-known/oauth-authorization-server")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    String issuer = node.node().publicUrl().toString().replaceAll("/$", "");
    assertThat(json.get("issuer").asText()).isEqualTo(issuer);
    assertThat(json.get("token_endpoint").asText()).isEqualTo(issuer + "/oauth/token");
    assertThat(json.get("code_challenge_methods_supported").toString()).contains("S256");
  }

  private static String code(OAuthClient app, DeskClient admin, String verifier) throws Exception {
    var r = OAuthClient.decide(admin, app.authorizePath("tickets:read", "s", verifier), "allow");
    return OAuthClient.query(r.headers().firstValue("location").orElseThrow()).get("code");
  }
}
