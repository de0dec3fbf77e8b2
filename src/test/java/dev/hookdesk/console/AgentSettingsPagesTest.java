package dev.hookdesk.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.desk.web.DeskClient;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Settings → Agents through plain HTTP as a browser sends it: an admin adds agents (the API's
 * errors beside the fields, nothing written), invites them (the link on the page, once), changes
 * roles, deactivates and reactivates; forged forms, agents, other workspaces' ids and a demotion
 * of the last admin are refused and change nothing; markup in a name stays text.
 */
@DbTest
class AgentSettingsPagesTest {
  static final String PAGE = "/console/settings/agents";
  static final String PASSWORD = "correct horse battery staple";
  static final AtomicInteger n = new AtomicInteger();
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api owner = node.admin();

  /** A workspace of its own (the last-admin rule counts its admins), its admin token, and its one admin signed in. */
  record Workspace(Api token, DeskClient admin, String adminId) {
    int agents() {
      return token.get("/agents?limit=500").expect(200).json().get("data").size();
    }

    Api.Res agent(String id) {
      return token.get("/agents/" + id).expect(200);
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      Map<String, String> withCsrf = new HashMap<>(form);
      withCsrf.put("_csrf", admin.csrf);
      return admin.post(path, withCsrf);
    }

    /** Adds an agent through the page; answers its id. */
    String add(String name, String role) throws Exception {
      admin.get(PAGE);
      var r = post(PAGE, Map.of("name", name, "email", "p" + n.incrementAndGet() + "@example.com", "role", role));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
      return location(r).substring(location(r).indexOf("added=") + 6);
    }
  }

  static Workspace workspace() throws Exception {
    var w = owner.post("/workspaces", Api.json(Map.of("name", "Team " + n.incrementAndGet()))).expect(201);
    Api token = owner.as(w.str("/admin_token"));
    String id = token.post("/agents", Api.json(Map.of("name", "Admin " + n.get(),
        "email", "admin" + n.get() + "@example.com", "role", "admin"))).expect(201).str("/id");
    DeskClient admin = signedIn(token, id);
    assertThat(admin.get(PAGE).statusCode()).isEqualTo(200);
    return new Workspace(token, admin, id);
  }

  static DeskClient signedIn(Api token, String agentId) throws Exception {
    DeskClient b = new DeskClient(node.baseUrl());
    String invite = token.post("/agents/" + agentId + "/invitation").expect(201).str("/invite_url");
    assertThat(b.choose(invite, PASSWORD).statusCode()).isEqualTo(303);
    return b;
  }

  static String location(HttpResponse<String> r) {
    return r.headers().firstValue("location").orElseThrow();
  }

  /** The HTML of one agent's row. */
  static String row(String page, String agentId) {
    Matcher m = Pattern.compile("<tr id=\"agent-" + agentId + "\".*?</tr>", Pattern.DOTALL).matcher(page);
    assertThat(m.find()).as("a row for " + agentId).isTrue();
    return m.group();
  }

  @Test
  void anAdminAddsAnAgentWithTheApisErrorsBesideTheFieldsAndNothingWrittenOnBadInput() throws Exception {
    Workspace w = workspace();
    var page = w.admin.get(PAGE);
    assertThat(page.body()).contains("Settings <span aria-hidden=\"true\">›</span> Agents")
        .contains("href=\"/console/settings/agents\" aria-current=\"page\"");
    assertThat(row(page.body(), w.adminId)).contains("<span class=\"badge\">you</span>").contains("Active")
        .doesNotContain("Deactivate");
    int before = w.agents();

    var forged = w.admin.post(PAGE, Map.of("name", "Forged", "email", "forged@example.com", "role", "admin"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(w.agents()).isEqualTo(before);

    w.admin.get(PAGE);
    var bad = w.post(PAGE, Map.of("name", "  ", "email", "not-an-email", "role", "owner"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"name-error\"").contains("name must not be empty")
        .contains("id=\"email-error\"").contains("email 'not-an-email' is not an email address")
        .contains("id=\"role-error\"").contains("role 'owner' is not allowed; use one of agent, admin")
        .contains("value=\"not-an-email\"").contains("aria-describedby=\"email-error\"");
    assertThat(w.agents()).isEqualTo(before);
    var noEmail = w.post(PAGE, Map.of("name", "Ana Silva", "email", "", "role", "agent"));
    assertThat(noEmail.statusCode()).isEqualTo(422);
    assertThat(noEmail.body()).contains("email must not be empty").doesNotContain("id=\"name-error\"")
        .contains("value=\"Ana Silva\"");
    assertThat(w.agents()).isEqualTo(before);

    var added = w.post(PAGE, Map.of("name", "Ana Silva", "email", "ana@example.com", "role", "admin"));
    assertThat(added.statusCode()).isEqualTo(303);
    assertThat(location(added)).startsWith(PAGE + "?added=agt_");
    String ana = location(added).substring(location(added).indexOf("agt_"));
    assertThat(w.agents()).isEqualTo(before + 1);
    var agent = w.agent(ana);
    assertThat(agent.str("/name")).isEqualTo("Ana Silva");
    assertThat(agent.str("/email")).isEqualTo("ana@example.com");
    assertThat(agent.str("/role")).isEqualTo("admin");
    assertThat(agent.str("/kind")).isEqualTo("human");
    var shown = w.admin.get(location(added));
    assertThat(shown.body()).contains("<strong>Ana Silva</strong> was added");
    assertThat(row(shown.body(), ana)).contains("ana@example.com").contains("Not invited yet")
        .contains("aria-label=\"Invite Ana Silva\"").contains("<option value=\"admin\" selected>");
  }

  @Test
  void markupInANameShowsAsText() throws Exception {
    Workspace w = workspace();
    String id = w.add("<script>alert('owned')</script>", "agent");
    String list = w.admin.get(PAGE).body();
    assertThat(row(list, id)).contains("&lt;script&gt;alert('owned')&lt;/script&gt;");
    assertThat(list).doesNotContain("<script>alert");
    String confirm = w.admin.get(PAGE + "/" + id + "/deactivate").body();
    assertThat(confirm).contains("Deactivate &lt;script&gt;").doesNotContain("<script>alert");
    String invited = w.post(PAGE + "/" + id + "/invitation", Map.of()).body();
    assertThat(invited).contains("id=\"invite-url\"").doesNotContain("<script>alert");
  }

  @Test
  void anInvitationLinkIsShownOnceOnThePageAndInviteAgainResetsThePassword() throws Exception {
    Workspace w = workspace();
    String id = w.add("Bo Invited", "agent");
    var invited = w.post(PAGE + "/" + id + "/invitation", Map.of());
    assertThat(invited.statusCode()).isEqualTo(200);
    String link = inviteUrl(invited.body());
    assertThat(link).startsWith(node.node().publicUrl().resolve("/invite/"));
    assertThat(invited.body()).contains("Hookdesk sends no email").contains("data-copy=\"invite-url\"")
        .contains("id=\"invite-expires\"");
    assertThat(row(invited.body(), id)).contains("Invited").contains("link expires")
        .contains(">Invite again</button>");
    assertThat(w.admin.get(PAGE).body()).as("the link is shown once").doesNotContain(link)
        .doesNotContain("id=\"invite-url\"");

    DeskClient bo = new DeskClient(node.baseUrl());
    var chosen = bo.choose(link, PASSWORD);
    assertThat(chosen.statusCode()).isEqualTo(303);
    assertThat(location(chosen)).isEqualTo("/desk");
    assertThat(bo.get("/desk").statusCode()).isEqualTo(200);
    assertThat(row(w.admin.get(PAGE).body(), id)).contains("badge ok\">Active").doesNotContain("link expires");

    var again = w.post(PAGE + "/" + id + "/invitation", Map.of());
    String second = inviteUrl(again.body());
    assertThat(second).isNotEqualTo(link);
    assertThat(new DeskClient(node.baseUrl()).get(link.substring(link.indexOf("/invite/"))).statusCode())
        .as("the first link").isEqualTo(410);
    assertThat(bo.get("/desk").statusCode()).as("their session ended").isEqualTo(303);
    String email = w.agent(id).str("/email");
    assertThat(new DeskClient(node.baseUrl()).signIn(email, PASSWORD).statusCode())
        .as("their password was removed").isEqualTo(401);

    // the API's refusal, beside the agent's row; nothing written
    String noEmail = w.token.post("/agents", Api.json(Map.of("name", "No Mail"))).expect(201).str("/id");
    w.admin.get(PAGE);
    var refused = w.post(PAGE + "/" + noEmail + "/invitation", Map.of());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(row(refused.body(), noEmail)).contains("id=\"agent-" + noEmail + "-error\"")
        .contains("has no email to sign in with").contains("Not invited yet");
    assertThat(refused.body()).doesNotContain("id=\"invite-url\"");
  }

  static String inviteUrl(String page) {
    Matcher m = Pattern.compile("id=\"invite-url\">([^<]+)<").matcher(page);
    assertThat(m.find()).as("an invitation link on the page").isTrue();
    return m.group(1);
  }

  @Test
  void rolesChangeButTheLastActiveAdminStaysOne() throws Exception {
    Workspace w = workspace();
    var alone = w.post(PAGE + "/" + w.adminId + "/role", Map.of("role", "agent"));
    assertThat(alone.statusCode()).isEqualTo(409);
    assertThat(row(alone.body(), w.adminId)).contains("id=\"agent-" + w.adminId + "-error\"")
        .contains("would leave the workspace without an active admin");
    assertThat(w.agent(w.adminId).str("/role")).isEqualTo("admin");
    // the same rule through the API, whoever asks
    w.token.patch("/agents/" + w.adminId, Api.json(Map.of("role", "agent"))).problem(409, "role");
    w.token.patch("/agents/" + w.adminId, Api.json(Map.of("active", false))).problem(409, "active");
    assertThat(w.agent(w.adminId).str("/role")).isEqualTo("admin");

    String cy = w.add("Cy Colleague", "agent");
    var tampered = w.post(PAGE + "/" + cy + "/role", Map.of("role", "owner"));
    assertThat(tampered.statusCode()).isEqualTo(422);
    assertThat(row(tampered.body(), cy)).contains("role 'owner' is not allowed");
    assertThat(w.agent(cy).str("/role")).isEqualTo("agent");

    var promoted = w.post(PAGE + "/" + cy + "/role", Map.of("role", "admin"));
    assertThat(promoted.statusCode()).isEqualTo(303);
    assertThat(location(promoted)).isEqualTo(PAGE);
    assertThat(w.agent(cy).str("/role")).isEqualTo("admin");

    // another admin exists now: the signed-in admin may step down, and leaves Settings for the desk
    var steppedDown = w.post(PAGE + "/" + w.adminId + "/role", Map.of("role", "agent"));
    assertThat(steppedDown.statusCode()).isEqualTo(303);
    assertThat(location(steppedDown)).isEqualTo("/desk");
    assertThat(w.agent(w.adminId).str("/role")).isEqualTo("agent");
    assertThat(w.admin.get(PAGE).statusCode()).isEqualTo(403);
  }

  @Test
  void deactivationEndsTheAgentsSessionsAndReactivationLetsThemBackIn() throws Exception {
    Workspace w = workspace();
    String dee = w.add("Dee Leaving", "agent");
    DeskClient person = signedIn(w.token, dee);
    String email = w.agent(dee).str("/email");

    var confirm = w.admin.get(PAGE + "/" + dee + "/deactivate");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body()).contains("Deactivate Dee Leaving?").contains("id=\"confirm-deactivate\"");
    assertThat(w.admin.post(PAGE + "/" + dee + "/deactivate", Map.of()).statusCode()).isEqualTo(403);
    assertThat(w.agent(dee).at("/active").asBoolean()).isTrue();
    assertThat(person.get("/desk").statusCode()).isEqualTo(200);

    var done = w.post(PAGE + "/" + dee + "/deactivate", Map.of());
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(w.agent(dee).at("/active").asBoolean()).isFalse();
    assertThat(person.get("/desk").statusCode()).as("their session ended").isEqualTo(303);
    String list = w.admin.get(PAGE).body();
    assertThat(row(list, dee)).contains("Deactivated").contains("aria-label=\"Reactivate Dee Leaving\"")
        .doesNotContain(">Invite");

    var self = w.post(PAGE + "/" + w.adminId + "/deactivate", Map.of());
    assertThat(self.statusCode()).isEqualTo(422);
    assertThat(row(self.body(), w.adminId)).contains("you cannot deactivate yourself");
    assertThat(w.agent(w.adminId).at("/active").asBoolean()).isTrue();

    assertThat(w.post(PAGE + "/" + dee + "/reactivate", Map.of()).statusCode()).isEqualTo(303);
    assertThat(w.agent(dee).at("/active").asBoolean()).isTrue();
    assertThat(new DeskClient(node.baseUrl()).signIn(email, PASSWORD).statusCode())
        .as("back in with their password").isEqualTo(303);
  }

  @Test
  void onlyAdminsOfTheWorkspaceGetIn() throws Exception {
    Workspace w = workspace();
    String eve = w.add("Eve Agent", "agent");
    DeskClient agent = signedIn(w.token, eve);
    int before = w.agents();

    var denied = agent.get(PAGE);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).contains("This needs an admin").doesNotContain("Add agent");
    agent.get("/desk");
    assertThat(agent.post(PAGE, Map.of("_csrf", agent.csrf, "name", "Sneaky", "email", "s@example.com",
        "role", "admin")).statusCode()).isEqualTo(403);
    assertThat(agent.post(PAGE + "/" + eve + "/role", Map.of("_csrf", agent.csrf, "role", "admin"))
        .statusCode()).isEqualTo(403);
    assertThat(agent.post(PAGE + "/" + w.adminId + "/deactivate", Map.of("_csrf", agent.csrf))
        .statusCode()).isEqualTo(403);
    assertThat(w.agents()).isEqualTo(before);
    assertThat(w.agent(eve).str("/role")).isEqualTo("agent");
    assertThat(w.agent(w.adminId).at("/active").asBoolean()).isTrue();

    var signedOut = new DeskClient(node.baseUrl()).get(PAGE);
    assertThat(signedOut.statusCode()).isEqualTo(303);
    assertThat(location(signedOut)).isEqualTo("/console");

    Workspace other = workspace();
    String theirs = other.add("Not Yours", "agent");
    w.admin.get(PAGE);
    assertThat(w.admin.get(PAGE + "/" + theirs + "/deactivate").statusCode()).isEqualTo(404);
    assertThat(w.post(PAGE + "/" + theirs + "/invitation", Map.of()).statusCode()).isEqualTo(404);
    assertThat(w.post(PAGE + "/" + theirs + "/role", Map.of("role", "admin")).statusCode()).isEqualTo(404);
    assertThat(w.post(PAGE + "/" + theirs + "/deactivate", Map.of()).statusCode()).isEqualTo(404);
    var untouched = other.agent(theirs);
    assertThat(untouched.str("/role")).isEqualTo("agent");
    assertThat(untouched.at("/active").asBoolean()).isTrue();
    assertThat(row(other.admin.get(PAGE).body(), theirs)).contains("Not invited yet");
  }

  @Test
  void aLongListIsPagedAndFormsComeBackToTheirPage() throws Exception {
    Workspace w = workspace();
    for (int i = 0; i < AgentSettingsRoutes.PAGE_SIZE + 5; i++) {
      w.token.post("/agents", Api.json(Map.of("name", "Agent " + i, "email", "many" + i + "-" + n.incrementAndGet()
          + "@example.com"))).expect(201);
    }
    String first = w.admin.get(PAGE).body();
    assertThat(count(first, "data-agent=")).isEqualTo(AgentSettingsRoutes.PAGE_SIZE);
    assertThat(first).doesNotContain(">First page<");
    Matcher next = Pattern.compile("href=\"(/console/settings/agents\\?cursor=[^\"]+)\" rel=\"next\"").matcher(first);
    assertThat(next.find()).isTrue();
    String second = w.admin.get(next.group(1)).body();
    assertThat(count(second, "data-agent=")).isEqualTo(6);
    assertThat(second).contains(">First page<").doesNotContain("rel=\"next\"");

    Matcher last = Pattern.compile("data-agent=\"(agt_[^\"]+)\"").matcher(second);
    String id = null;
    while (last.find()) id = last.group(1);
    String cursor = next.group(1).substring(next.group(1).indexOf("cursor=") + 7);
    var changed = w.post(PAGE + "/" + id + "/role", Map.of("role", "admin", "cursor", cursor));
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(location(changed)).isEqualTo(next.group(1));
  }

  static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
