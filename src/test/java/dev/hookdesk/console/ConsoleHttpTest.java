package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in, sessions, CSRF and the inspector's capture URL, through plain HTTP as a browser would. */
@DbTest
class ConsoleHttpTest {
  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  @Test
  void adminSignsInToAnHttpOnlyStrictSessionAndOut() throws Exception {
    ConsoleClient b = new ConsoleClient(node.baseUrl());
    var r = b.signIn(TestNode.OWNER_TOKEN);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("location")).hasValue("/console/settings/webhooks");
    String cookie = r.headers().allValues("set-cookie").stream()
        .filter(c -> c.startsWith("hookdesk_session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    assertThat(cookie).doesNotContain(TestNode.OWNER_TOKEN);

    var page = b.get("/console/settings/webhooks");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-security-policy").orElse("")).contains("frame-ancestors 'none'");
    assertThat(page.body()).contains("Registered").contains("Payload samples");

    assertThat(b.post("/console/signout", Map.of("_csrf", b.csrf)).statusCode()).isEqualTo(303);
    var after = b.get("/console/settings/webhooks");
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("location")).hasValue("/console");
  }

  @Test
  void formsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
    ConsoleClient b = new ConsoleClient(node.baseUrl());
    b.signIn(TestNode.OWNER_TOKEN);
    b.get("/console/inspector");
    var forged = b.post("/console/inspector/bins", Map.of("name", "forged"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("This form has expired");
    assertThat(b.get("/console/inspector").body()).doesNotContain("forged");

    ConsoleClient fresh = new ConsoleClient(node.baseUrl());
    var noCookie = fresh.post("/console/signin", Map.of("_csrf", "guess", "token", TestNode.OWNER_TOKEN));
    assertThat(noCookie.statusCode()).isEqualTo(403);
    assertThat(noCookie.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("hookdesk_session=")
        && !c.startsWith("hookdesk_session=;"));
  }

  @Test
  void agentAndUnknownTokensDoNotGetASession() throws Exception {
    var agent = new ConsoleClient(node.baseUrl()).signIn(node.withRole("agent").token());
    assertThat(agent.statusCode()).isEqualTo(403);
    assertThat(agent.body()).contains("This needs an admin").contains("agent");
    assertThat(agent.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("hookdesk_session"));

    var unknown = new ConsoleClient(node.baseUrl()).signIn("hd_nope");
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.body()).contains("unknown or has been revoked");
  }

  @Test
  void revokingTheTokenEndsItsSessions() throws Exception {
    var minted = node.admin().post("/tokens", Api.json(Map.of("role", "admin", "name", "temp"))).expect(201);
    ConsoleClient b = new ConsoleClient(node.baseUrl());
    b.signIn(minted.str("/token"));
    assertThat(b.get("/console/inspector").statusCode()).isEqualTo(200);
    node.admin().delete("/tokens/" + minted.str("/id")).expect(204);
    assertThat(b.get("/console/inspector").statusCode()).isEqualTo(303);
  }

  @Test
  void binsCatchAnyMethodAndStayInTheirWorkspace() throws Exception {
    ConsoleClient b = new ConsoleClient(node.baseUrl());
    b.signIn(TestNode.OWNER_TOKEN);
    b.get("/console/inspector");
    var created = b.post("/console/inspector/bins", Map.of("_csrf", b.csrf, "name", "Load"));
    String binPath = created.headers().firstValue("location").orElseThrow();
    String binId = binPath.substring(binPath.lastIndexOf('/') + 1);
    assertThat(binId).startsWith("bin_");

    Api anonymous = node.admin().as(null);
    // the last 100 and the rate limits: inspector.CaptureLimitsTest
    for (int i = 0; i < 5; i++) {
      anonymous.post("/inspect/" + binId, "{\"n\":" + i + "}").expect(200);
    }
    var put = anonymous.put("/inspect/" + binId + "?x=1", "{\"n\":\"put\"}").expect(200);
    assertThat(put.str("/request_id")).startsWith("req_");
    anonymous.post("/inspect/bin_doesnotexist0000000000000000", "{}").problem(404, null);

    String page = b.get(binPath).body();
    assertThat(page).contains("id=\"capture-count\">6<").contains("PUT").contains("/inspect/" + binId + "?x=1");
    assertThat(page).contains("\"n\" : 0\n").contains("\"n\" : 4\n");

    var other = node.admin().post("/workspaces", Api.json(Map.of("name", "Other"))).expect(201);
    ConsoleClient stranger = new ConsoleClient(node.baseUrl());
    stranger.signIn(other.str("/admin_token"));
    assertThat(stranger.get(binPath).statusCode()).isEqualTo(404);

    assertThat(b.post(binPath + "/clear", Map.of("_csrf", b.csrf)).statusCode()).isEqualTo(303);
    assertThat(b.get(binPath).body()).contains("id=\"capture-count\">0<");
  }
}
