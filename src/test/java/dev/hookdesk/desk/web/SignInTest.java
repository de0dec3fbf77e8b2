package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.ManualClock;
import dev.hookdesk.testing.TestNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §9's people who sign in, through the doors they use: the invitation API, the invitation
 * page, /sign-in, sessions, lock-out and the Settings boundary, as plain HTTP.
 */
@DbTest
class SignInTest {
  static final String GOOD = "correct horse battery staple";
  static final AtomicInteger n = new AtomicInteger();
  static final ManualClock clock = new ManualClock();
  static TestNode node;
  static Api admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(clock);
    admin = node.admin();
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  /** A new agent with a unique email; answers its id and email. */
  static String[] agent(String role) {
    String email = "person" + n.incrementAndGet() + "@example.com";
    String id = admin.post("/agents", Api.json(Map.of("name", "Person " + n.get(), "email", email,
        "role", role))).expect(201).str("/id");
    return new String[] {id, email};
  }

  static String invite(String agentId) {
    return admin.post("/agents/" + agentId + "/invitation").expect(201).str("/invite_url");
  }

  /** A person invited, with a password chosen, signed in: answers the browser. */
  static DeskClient signedIn(String agentId) throws Exception {
    DeskClient b = new DeskClient(node.baseUrl());
    assertThat(b.choose(invite(agentId), GOOD).statusCode()).isEqualTo(303);
    return b;
  }

  @Test
  void anInvitationIsALinkOnThePublicUrlThatExpiresInSevenDays() {
    String id = agent("agent")[0];
    var r = admin.post("/agents/" + id + "/invitation").expect(201);
    assertThat(r.str("/invite_url")).startsWith(node.node().publicUrl().resolve("/invite/"));
    Instant expires = Instant.parse(r.str("/expires_at"));
    assertThat(Duration.between(clock.instant(), expires)).isBetween(Duration.ofDays(7).minusMinutes(1),
        Duration.ofDays(7));
    String secret = r.str("/invite_url").substring(r.str("/invite_url").lastIndexOf('/') + 1);
    int stored = node.node().database().read(h -> h.createQuery(
        "SELECT COUNT(*) FROM agent_invitations WHERE token_hash LIKE :s")
        .bind("s", "%" + secret + "%").mapTo(Integer.class).one());
    assertThat(stored).as("the link's secret is stored only as a hash").isZero();

    node.withRole("agent").post("/agents/" + id + "/invitation").problem(403, null);
    String noEmail = admin.post("/agents", Api.json(Map.of("name", "No mail"))).expect(201).str("/id");
    admin.post("/agents/" + noEmail + "/invitation").problem(409, null);
    admin.post("/agents/agt_nope/invitation").problem(404, null);
  }

  @Test
  void aPasswordIsLongAndUncommonAndTheLinkWorksOnce() throws Exception {
    String[] a = agent("agent");
    String url = invite(a[0]);
    DeskClient b = new DeskClient(node.baseUrl());
    var page = b.get(java.net.URI.create(url).getPath());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(a[1]).contains("New password");

    var shortOne = b.choose(url, "short pass");
    assertThat(shortOne.statusCode()).isEqualTo(422);
    assertThat(shortOne.body()).contains("at least 12 characters");
    var common = b.choose(url, "Password1234");
    assertThat(common.statusCode()).isEqualTo(422);
    assertThat(common.body()).contains("commonly used");

    var chosen = b.choose(url, GOOD);
    assertThat(chosen.statusCode()).isEqualTo(303);
    assertThat(chosen.headers().firstValue("location")).hasValue("/desk");
    String cookie = chosen.headers().allValues("set-cookie").stream()
        .filter(c -> c.startsWith("hookdesk_session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    var desk = b.get("/desk");
    assertThat(desk.statusCode()).isEqualTo(200);
    assertThat(desk.body()).contains("Person ").contains(">agent<");

    String stored = node.node().database().read(h -> h.createQuery(
        "SELECT password_hash FROM agent_passwords WHERE agent_id = :a").bind("a", a[0])
        .mapTo(String.class).one());
    assertThat(stored).startsWith("$2").doesNotContain(GOOD);

    DeskClient other = new DeskClient(node.baseUrl());
    assertThat(other.get(java.net.URI.create(url).getPath()).statusCode()).as("reusing the link").isEqualTo(410);
    assertThat(other.choose(url, "another long passphrase").statusCode()).isEqualTo(410);
    assertThat(other.signIn(a[1], "another long passphrase").statusCode()).isEqualTo(401);
  }

  @Test
  void signInOpensTheDeskAndSignOutEndsTheSession() throws Exception {
    String[] a = agent("agent");
    signedIn(a[0]);
    DeskClient b = new DeskClient(node.baseUrl());
    assertThat(b.get("/desk").headers().firstValue("location")).hasValue("/sign-in");
    var in = b.signIn(a[1].toUpperCase(), GOOD);
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("location")).hasValue("/desk");
    assertThat(b.get("/desk").statusCode()).isEqualTo(200);

    String session = b.sessionCookie();
    var out = b.post("/sign-out", Map.of("_csrf", b.csrf));
    assertThat(out.headers().firstValue("location")).hasValue("/sign-in?signed-out");
    b.cookies.put("hookdesk_session", session);
    assertThat(b.get("/desk").statusCode()).as("a signed-out cookie replayed").isEqualTo(303);
  }

  @Test
  void formsWithoutTheirCsrfTokenChangeNothing() throws Exception {
    String[] a = agent("agent");
    DeskClient b = signedIn(a[0]);
    b.get("/desk");
    assertThat(b.post("/sign-out", Map.of()).statusCode()).isEqualTo(403);
    assertThat(b.post("/sign-out", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(b.get("/desk").statusCode()).as("still signed in").isEqualTo(200);

    DeskClient fresh = new DeskClient(node.baseUrl());
    var noCookie = fresh.post("/sign-in", Map.of("_csrf", "x", "email", a[1], "password", GOOD));
    assertThat(noCookie.statusCode()).isEqualTo(403);
    assertThat(fresh.sessionCookie()).isNull();
  }

  @Test
  void aNewPasswordOrInvitationEndsEverySessionOfTheAgent() throws Exception {
    String[] a = agent("agent");
    DeskClient first = signedIn(a[0]);
    DeskClient second = new DeskClient(node.baseUrl());
    assertThat(second.signIn(a[1], GOOD).statusCode()).isEqualTo(303);

    String url = invite(a[0]); // a reset: the password is gone and sessions end at once
    assertThat(first.get("/desk").statusCode()).isEqualTo(303);
    assertThat(second.get("/desk").statusCode()).isEqualTo(303);
    assertThat(new DeskClient(node.baseUrl()).signIn(a[1], GOOD).statusCode()).isEqualTo(401);

    DeskClient third = new DeskClient(node.baseUrl());
    assertThat(third.choose(url, "a brand new passphrase").statusCode()).isEqualTo(303);
    String old = third.sessionCookie();
    DeskClient fourth = new DeskClient(node.baseUrl());
    assertThat(fourth.choose(invite(a[0]), "yet another passphrase").statusCode()).isEqualTo(303);
    third.cookies.put("hookdesk_session", old);
    assertThat(third.get("/desk").statusCode()).as("the old session after a password change").isEqualTo(303);
    assertThat(fourth.get("/desk").statusCode()).isEqualTo(200);
  }

  @Test
  void tenFailuresLockTheAccountForFifteenMinutesWhetherOrNotItExists() throws Exception {
    String[] a = agent("agent");
    signedIn(a[0]);
    DeskClient b = new DeskClient(node.baseUrl());
    for (int i = 1; i < 10; i++) assertThat(b.signIn(a[1], "wrong password " + i).statusCode()).isEqualTo(401);
    var tenth = b.signIn(a[1], "wrong password 10");
    assertThat(tenth.statusCode()).isEqualTo(429);
    assertThat(tenth.body()).contains("locked for 15 minutes");
    var right = b.signIn(a[1], GOOD);
    assertThat(right.statusCode()).as("the right password while locked").isEqualTo(429);
    assertThat(b.sessionCookie()).isNull();

    DeskClient stranger = new DeskClient(node.baseUrl());
    String nobody = "nobody" + n.incrementAndGet() + "@example.com";
    var last = stranger.signIn(nobody, "x");
    for (int i = 1; i < 10; i++) last = stranger.signIn(nobody, "wrong password " + i);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).as("an unknown email locks the same way").contains("locked for 15 minutes");

    clock.advance(Duration.ofMinutes(14));
    assertThat(b.signIn(a[1], GOOD).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofMinutes(2));
    assertThat(b.signIn(a[1], GOOD).statusCode()).isEqualTo(303);
  }

  @Test
  void anIdleSessionEnds() throws Exception {
    DeskClient b = signedIn(agent("agent")[0]);
    assertThat(b.get("/desk").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(20));
    assertThat(b.get("/desk").statusCode()).as("used within the idle timeout").isEqualTo(200);
    clock.advance(Duration.ofMinutes(31));
    assertThat(b.get("/desk").statusCode()).isEqualTo(303);
  }

  @Test
  void settingsNeedAnAdminAndAdminsReachThemFromTheDesk() throws Exception {
    DeskClient agent = signedIn(agent("agent")[0]);
    var denied = agent.get("/console/settings/webhooks");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("This needs an admin").doesNotContain("Registered");
    assertThat(agent.get("/desk").body()).doesNotContain("/console/settings/webhooks");

    DeskClient boss = signedIn(agent("admin")[0]);
    assertThat(boss.get("/desk").body()).contains("href=\"/console/settings/webhooks\"");
    assertThat(boss.get("/console/settings/webhooks").statusCode()).isEqualTo(200);
  }

  @Test
  void deactivationEndsSessionsAndSignInAndComesOnlyFromAnAdmin() throws Exception {
    String[] a = agent("agent");
    DeskClient b = signedIn(a[0]);
    node.withRole("agent").patch("/agents/" + a[0], Api.json(Map.of("active", false))).problem(403, null);
    admin.patch("/agents/" + a[0], Api.json(Map.of("active", false))).expect(200);
    assertThat(admin.get("/agents/" + a[0]).at("/active").asBoolean()).isFalse();
    assertThat(b.get("/desk").statusCode()).isEqualTo(303);
    assertThat(new DeskClient(node.baseUrl()).signIn(a[1], GOOD).statusCode()).isEqualTo(401);
    admin.post("/agents/" + a[0] + "/invitation").problem(409, null);
  }
}
