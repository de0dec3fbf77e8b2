package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk's contact pages as plain HTTP: the attacks (no CSRF token, another workspace's id,
 * markup in a name), search and paging, and that a form's action is the API's action.
 */
@DbTest
class ContactPagesTest {
  static final String PASSWORD = "correct horse battery staple";
  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();

  static DeskClient agent(String name, String email) throws Exception {
    String id = admin.post("/agents", Api.json(Map.of("name", name, "email", email))).expect(201).str("/id");
    DeskClient b = new DeskClient(node.baseUrl());
    String invite = admin.post("/agents/" + id + "/invitation").expect(201).str("/invite_url");
    assertThat(b.choose(invite, PASSWORD).statusCode()).isEqualTo(303);
    return b;
  }

  static String contact(String name, String email) {
    return admin.post("/contacts", Api.json(Map.of("name", name, "email", email))).expect(201).str("/id");
  }

  @Test
  void formsWithoutTheSessionsCsrfTokenChangeNothing() throws Exception {
    DeskClient b = agent("Csrf Agent", "csrf.agent@example.com");
    String id = contact("Carla", "carla@example.com");
    b.get("/desk/contacts/" + id);
    for (String action : new String[] {"edit", "block", "delete"}) {
      var r = b.post("/desk/contacts/" + id + "/" + action, Map.of("name", "Hijacked", "email",
          "evil@example.com", "phone", "", "external_id", ""));
      assertThat(r.statusCode()).as(action).isEqualTo(403);
      r = b.post("/desk/contacts/" + id + "/" + action, Map.of("_csrf", "forged", "name", "Hijacked",
          "email", "evil@example.com", "phone", "", "external_id", ""));
      assertThat(r.statusCode()).as(action + " with a wrong token").isEqualTo(403);
    }
    JsonNode now = admin.get("/contacts/" + id).expect(200).json();
    assertThat(now.get("name").asText()).isEqualTo("Carla");
    assertThat(now.get("blocked").asBoolean()).isFalse();
    assertThat(now.get("deleted_at").isNull()).isTrue();

    var signedOut = new DeskClient(node.baseUrl()).get("/desk/contacts/" + id);
    assertThat(signedOut.statusCode()).isEqualTo(303);
    assertThat(signedOut.headers().firstValue("location")).hasValue("/sign-in");
  }

  @Test
  void anotherWorkspacesContactIsNotFound() throws Exception {
    DeskClient b = agent("Scope Agent", "scope.agent@example.com");
    Api other = admin.as(admin.post("/workspaces", Api.json(Map.of("name", "Elsewhere"))).expect(201)
        .str("/admin_token"));
    String theirs = other.post("/contacts", Api.json(Map.of("name", "Their Customer"))).expect(201).str("/id");
    assertThat(b.get("/desk/contacts/" + theirs).statusCode()).isEqualTo(404);
    b.get("/desk/contacts");
    var r = b.post("/desk/contacts/" + theirs + "/edit", Map.of("_csrf", b.csrf, "name", "Mine now",
        "email", "", "phone", "", "external_id", ""));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(b.post("/desk/contacts/" + theirs + "/delete", Map.of("_csrf", b.csrf)).statusCode()).isEqualTo(404);
    assertThat(other.get("/contacts/" + theirs).expect(200).str("/name")).isEqualTo("Their Customer");
    assertThat(b.get("/desk/contacts?q=Their").body()).doesNotContain(theirs);
  }

  @Test
  void markupInANameIsShownAsText() throws Exception {
    DeskClient b = agent("Xss Agent", "xss.agent@example.com");
    String evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String id = contact(evil, "xss@example.com");
    String list = b.get("/desk/contacts?q=xss%40example").body();
    String page = b.get("/desk/contacts/" + id).body();
    for (String html : new String[] {list, page}) {
      assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x")
          .contains("&lt;script&gt;alert(");
    }
  }

  @Test
  void searchFindsByNameEmailOrExternalIdAndPagesThroughTheRest() throws Exception {
    DeskClient b = agent("Search Agent", "search.agent@example.com");
    String zed = contact("Zed Quimby", "zq@shop.example");
    admin.patch("/contacts/" + zed, Api.json(Map.of("external_id", "CRM-99_1"))).expect(200);
    assertThat(b.get("/desk/contacts?q=quimby").body()).contains(zed);
    assertThat(b.get("/desk/contacts?q=ZQ%40SHOP").body()).contains(zed);
    assertThat(b.get("/desk/contacts?q=crm-99_1").body()).contains(zed);
    // LIKE wildcards are literal
    assertThat(b.get("/desk/contacts?q=crm-99%251").body()).doesNotContain(zed).contains("No contact matches");

    for (int i = 0; i < ContactPages.PAGE_SIZE + 2; i++) contact("Pager " + i, "pager" + i + "@paging.example");
    String first = b.get("/desk/contacts?q=paging.example").body();
    assertThat(first.split("data-contact=").length - 1).isEqualTo(ContactPages.PAGE_SIZE);
    var next = java.util.regex.Pattern.compile("href=\"(/desk/contacts\\?q=[^\"]+)\" id=\"next-page\"").matcher(first);
    assertThat(next.find()).isTrue();
    String second = b.get(next.group(1).replace("&amp;", "&")).body();
    assertThat(second.split("data-contact=").length - 1).isEqualTo(2);
    assertThat(second).doesNotContain("id=\"next-page\"");
  }

  @Test
  void theEditFormIsThePatchWithTheAgentAsActorViaConsole() throws Exception {
    DeskClient b = agent("Edit Agent", "edit.agent@example.com");
    String agentId = admin.get("/agents?limit=500").json().at("/data").findParents("email").stream()
        .filter(a -> a.get("email").asText().equals("edit.agent@example.com")).findFirst().orElseThrow()
        .get("id").asText();
    String taken = contact("Taken", "taken@example.com");
    admin.patch("/contacts/" + taken, Api.json(Map.of("external_id", "crm-taken"))).expect(200);
    String id = contact("Eve", "eve@example.com");
    b.get("/desk/contacts/" + id);

    var bad = b.post("/desk/contacts/" + id + "/edit", Map.of("_csrf", b.csrf, "name", "Eve Adams",
        "email", "eve at example", "phone", "", "external_id", ""));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"email-error\"").contains("is not an email address")
        .contains("value=\"eve at example\"").contains("value=\"Eve Adams\"");
    var dup = b.post("/desk/contacts/" + id + "/edit", Map.of("_csrf", b.csrf, "name", "Eve",
        "email", "eve@example.com", "phone", "", "external_id", "crm-taken"));
    assertThat(dup.statusCode()).isEqualTo(409);
    assertThat(dup.body()).contains("id=\"external_id-error\"").contains("already used");
    assertThat(admin.get("/contacts/" + id).expect(200).str("/name")).isEqualTo("Eve");

    var ok = b.post("/desk/contacts/" + id + "/edit", Map.of("_csrf", b.csrf, "name", "Eve Adams",
        "email", "eve@example.com", "phone", "+1 555 0100", "external_id", "crm-eve"));
    assertThat(ok.statusCode()).isEqualTo(303);
    JsonNode events = admin.get("/events?type=contact.updated&limit=500").json().at("/data");
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.at("/data/contact/id").asText()).isEqualTo(id);
    assertThat(last.at("/actor").toString()).isEqualTo("{\"type\":\"agent\",\"id\":\"" + agentId
        + "\",\"via\":\"console\"}");
    assertThat(last.at("/data/changes").fieldNames()).toIterable()
        .containsExactly("name", "phone", "external_id");
  }
}
