package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk's ticket side as plain HTTP (SPEC §9): views and their counts, search, paging, the
 * ticket page's controls as the API's actions, and the attacks (CSRF, another workspace's
 * ticket, markup in a subject, bad input on New ticket).
 */
@DbTest
class DeskTicketsTest {
  static final String PASSWORD = "correct horse battery staple";
  static final AtomicInteger n = new AtomicInteger();

  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  /** A fresh workspace with a signed-in agent, so counts are the test's own. */
  record Desk(Api admin, DeskClient browser, String agentId) {
    String ticket(String subject, String requesterName, String email) {
      return admin.post("/tickets", Api.json(Map.of("subject", subject, "body", "Help",
          "requester", Map.of("name", requesterName, "email", email)))).expect(201).str("/id");
    }

    HttpResponse<String> get(String path) throws Exception {
      return browser.get(path);
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
      Map<String, String> withCsrf = new HashMap<>(form);
      withCsrf.put("_csrf", browser.csrf);
      return browser.post(path, withCsrf);
    }
  }

  static Desk desk() throws Exception {
    String token = node.admin().post("/workspaces", Api.json(Map.of("name", "Desk " + n.incrementAndGet())))
        .expect(201).str("/admin_token");
    Api admin = node.admin().as(token);
    String agent = admin.post("/agents", Api.json(Map.of("name", "Ana Agent " + n.get(),
        "email", "desk-agent" + n.get() + "@example.com"))).expect(201).str("/id");
    String invite = admin.post("/agents/" + agent + "/invitation").expect(201).str("/invite_url");
    DeskClient b = new DeskClient(node.baseUrl());
    assertThat(b.choose(invite, PASSWORD).statusCode()).isEqualTo(303);
    b.get("/desk"); // the session's CSRF token
    return new Desk(admin, b, agent);
  }

  static String count(String html, String key) {
    Matcher m = Pattern.compile("id=\"count-" + key + "\">([0-9+]+)<").matcher(html);
    assertThat(m.find()).as("count of " + key).isTrue();
    return m.group(1);
  }

  static List<String> rows(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("data-ticket=\"(tkt_[0-9a-z]+)\"").matcher(html);
    while (m.find()) out.add(m.group(1));
    return out;
  }

  @Test
  void eachViewListsItsTicketsWithACount() throws Exception {
    Desk d = desk();
    String queue = d.admin().post("/queues", Api.json(Map.of("name", "Billing"))).expect(201).str("/id");
    String mine = d.ticket("Mine and open", "Rita", "rita@example.com");
    d.admin().put("/tickets/" + mine + "/assignee", Api.json(Map.of("agent_id", d.agentId()))).expect(200);
    String unassigned = d.ticket("Nobody has it", "Rita", "rita@example.com");
    d.admin().put("/tickets/" + unassigned + "/queue", Api.json(Map.of("queue_id", queue))).expect(200);
    String closed = d.ticket("Done", "Sam", "sam@example.com");
    d.admin().post("/tickets/" + closed + "/close").expect(200);
    String archived = d.ticket("Old", "Sam", "sam@example.com");
    d.admin().post("/tickets/" + archived + "/close").expect(200);
    d.admin().post("/tickets/" + archived + "/archive").expect(200);
    String spam = d.ticket("Cheap pills", "Spammer", "spam@example.com");
    d.admin().post("/tickets/" + spam + "/spam").expect(200);
    String trash = d.ticket("Oops", "Sam", "sam@example.com");
    d.admin().post("/tickets/" + trash + "/trash").expect(200);

    String home = d.get("/desk").body();
    assertThat(rows(home)).containsExactly(mine);
    assertThat(home).contains(">Mine</a>").contains(">Open</a>").contains(">Billing</a>");
    Map<String, String> counts = Map.of("mine", "1", "unassigned", "1", "open", "2", "closed", "1",
        "spam", "1", "trash", "1", "archived", "1", "queue-" + queue, "1");
    counts.forEach((k, v) -> assertThat(count(home, k)).as(k).isEqualTo(v));
    assertThat(rows(d.get("/desk/views/unassigned").body())).containsExactly(unassigned);
    assertThat(rows(d.get("/desk/views/open").body())).containsExactlyInAnyOrder(mine, unassigned);
    assertThat(rows(d.get("/desk/views/closed").body())).containsExactly(closed);
    assertThat(rows(d.get("/desk/views/archived").body())).containsExactly(archived);
    assertThat(rows(d.get("/desk/views/spam").body())).containsExactly(spam);
    assertThat(rows(d.get("/desk/views/trash").body())).containsExactly(trash);
    assertThat(rows(d.get("/desk/queues/" + queue).body())).containsExactly(unassigned);
    assertThat(d.get("/desk/views/nonsense").statusCode()).isEqualTo(404);
    assertThat(d.get("/desk/queues/que_nonsense").statusCode()).isEqualTo(404);
  }

  @Test
  void searchFindsBySubjectRequesterNameOrEmailAndId() throws Exception {
    Desk d = desk();
    String printer = d.ticket("Printer on fire", "Rita Requester", "rita@example.com");
    String invoice = d.ticket("Invoice 100% wrong", "Sam Smith", "sam@shop.example");
    String other = d.ticket("Something else", "Tom", "tom@example.com");
    d.admin().post("/tickets/" + other + "/trash").expect(200);

    assertThat(rows(d.get("/desk/views/open?q=PRINTER").body())).containsExactly(printer);
    assertThat(rows(d.get("/desk/views/open?q=sam+smith").body())).containsExactly(invoice);
    assertThat(rows(d.get("/desk/views/open?q=shop.example").body())).containsExactly(invoice);
    assertThat(rows(d.get("/desk/views/open?q=" + printer).body())).containsExactly(printer);
    assertThat(rows(d.get("/desk/views/open?q=100%25").body())).as("% is literal").containsExactly(invoice);
    assertThat(rows(d.get("/desk/views/open?q=else").body())).as("search covers the trash too")
        .containsExactly(other);
    assertThat(rows(d.get("/desk/views/open?q=_").body())).as("_ is literal").isEmpty();
  }

  /**
   * The search as each database runs it (POSITION on H2, LIKE answered by pg_trgm on
   * PostgreSQL) means what the plain LIKE meant: any substring, any case, wildcards literal,
   * long or across words; and it follows a contact's edits and deletion.
   */
  @Test
  void searchIsASubstringMatchWhateverTheIndex() throws Exception {
    Desk d = desk();
    String router = d.ticket("Router keeps dropping the WiFi (order #48213)", "Nora Larsen", "nora.l@fjord.example");
    String under = d.ticket("Refund_request for a_b", "Pavel Novak", "pavel@novak.example");
    String pct = d.ticket("Discount of 15% missing", "Olga Ivanova", "olga@shop.example");
    String renamed = d.ticket("Question", "Quinn Old", "quinn@old.example");

    assertThat(rows(d.get("/desk?q=ROPPING").body())).as("middle of a word, any case").containsExactly(router);
    assertThat(rows(d.get("/desk?q=48213").body())).containsExactly(router);
    assertThat(rows(d.get("/desk?q=" + enc("ping the wifi (order #482")).body()))
        .as("long, across words").containsExactly(router);
    assertThat(rows(d.get("/desk?q=" + enc("ping the wifi (order #489")).body())).isEmpty();
    assertThat(rows(d.get("/desk?q=t_r").body())).as("_ is literal").isEmpty();
    assertThat(rows(d.get("/desk?q=" + enc("a_b")).body())).containsExactly(under);
    assertThat(rows(d.get("/desk?q=" + enc("15%")).body())).as("% is literal").containsExactly(pct);
    assertThat(rows(d.get("/desk?q=" + enc("5% m")).body())).containsExactly(pct);
    assertThat(rows(d.get("/desk?q=" + enc("%")).body())).containsExactly(pct);
    assertThat(rows(d.get("/desk?q=arsen").body())).as("requester's name").containsExactly(router);
    assertThat(rows(d.get("/desk?q=" + enc("NOVAK.EXAMPLE")).body())).as("requester's email").containsExactly(under);
    assertThat(rows(d.get("/desk?q=" + enc("nora.l@fjord.example")).body())).containsExactly(router);
    assertThat(rows(d.get("/desk?q=" + pct).body())).as("exact id").containsExactly(pct);
    assertThat(rows(d.get("/desk?q=" + pct.substring(0, pct.length() - 1)).body())).as("not a prefix of an id")
        .isEmpty();

    String contact = d.admin().get("/tickets/" + renamed).expect(200).str("/requester_id");
    d.admin().patch("/contacts/" + contact, Api.json(Map.of("name", "Quinn Newname"))).expect(200);
    assertThat(rows(d.get("/desk?q=newname").body())).containsExactly(renamed);
    assertThat(rows(d.get("/desk?q=quinn+old").body())).isEmpty();
    d.admin().delete("/contacts/" + contact).expect(200);
    assertThat(rows(d.get("/desk?q=newname").body())).as("a deleted contact's name is gone").isEmpty();
    assertThat(rows(d.get("/desk?q=question").body())).containsExactly(renamed);
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void pagesFollowTheNextCursorWithoutGapsOrRepeats() throws Exception {
    Desk d = desk();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < DeskPages.PAGE + 7; i++) made.add(d.ticket("Ticket " + i, "Rita", "rita@example.com"));
    // each through an index of its own
    for (String view : List.of("open", "unassigned")) {
      String first = d.get("/desk/views/" + view).body();
      assertThat(count(first, view)).isEqualTo(Integer.toString(DeskPages.PAGE + 7));
      List<String> seen = new ArrayList<>(rows(first));
      assertThat(seen).hasSize(DeskPages.PAGE);
      Matcher next = Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(first);
      assertThat(next.find()).isTrue();
      String second = d.get(next.group(1).replace("&amp;", "&")).body();
      seen.addAll(rows(second));
      assertThat(second).doesNotContain("id=\"next-page\"").contains("id=\"first-page\"");
      assertThat(seen).as(view + ", newest first").containsExactlyElementsOf(made.reversed());
    }
    assertThat(d.get("/desk/views/open?cursor=nonsense").statusCode()).isEqualTo(422);
  }

  /**
   * A search finds its tickets by subject and by requester apart and pages through them as one
   * list: newest first, a ticket that matches both ways shown once, no gaps between pages.
   */
  @Test
  void searchPagesThroughSubjectAndRequesterMatchesAsOneList() throws Exception {
    Desk d = desk();
    List<String> matching = new ArrayList<>();
    for (int i = 0; i < DeskPages.PAGE + 22; i++) {
      switch (i % 4) {
        case 0 -> matching.add(d.ticket("Lamp flickers " + i, "Rita", "rita@example.com"));
        case 1 -> matching.add(d.ticket("Question " + i, "Lampwick Jones", "jones@example.com"));
        case 2 -> matching.add(d.ticket("Lamp is dark " + i, "Lampwick Jones", "jones@example.com"));
        default -> d.ticket("Something else " + i, "Tom", "tom@example.com");
      }
    }
    List<String> seen = new ArrayList<>();
    String page = d.get("/desk?q=LAMP").body();
    seen.addAll(rows(page));
    assertThat(seen).hasSize(DeskPages.PAGE);
    Matcher next = Pattern.compile("href=\"([^\"]+)\" id=\"next-page\"").matcher(page);
    assertThat(next.find()).isTrue();
    page = d.get(next.group(1).replace("&amp;", "&")).body();
    seen.addAll(rows(page));
    assertThat(page).doesNotContain("id=\"next-page\"");
    assertThat(seen).containsExactlyElementsOf(matching.reversed());
  }

  @Test
  void theControlsAreTheApisActionsWithTheAgentAsActorViaConsole() throws Exception {
    Desk d = desk();
    String t = d.ticket("Printer on fire", "Rita", "rita@example.com");
    assertThat(d.post("/desk/tickets/" + t + "/reply", Map.of("body", "On my way")).statusCode()).isEqualTo(303);
    assertThat(d.post("/desk/tickets/" + t + "/note", Map.of("note", "Third time this week")).statusCode())
        .isEqualTo(303);
    assertThat(d.post("/desk/tickets/" + t + "/assign-to-me", Map.of()).statusCode()).isEqualTo(303);
    assertThat(d.post("/desk/tickets/" + t + "/close", Map.of()).statusCode()).isEqualTo(303);
    for (String type : List.of("ticket.agent_replied", "ticket.comment_added", "ticket.assigned", "ticket.closed")) {
      JsonNode e = d.admin().get("/events?type=" + type).expect(200).at("/data/0");
      assertThat(e.at("/actor/type").asText()).as(type).isEqualTo("agent");
      assertThat(e.at("/actor/id").asText()).as(type).isEqualTo(d.agentId());
      assertThat(e.at("/actor/via").asText()).as(type).isEqualTo("console");
    }
    String page = d.get("/desk/tickets/" + t).body();
    assertThat(page).contains("Public reply").contains("Internal note").contains("On my way")
        .contains("data-kind=\"note\"").contains(">Reopen</button>").doesNotContain(">Close</button>");

    var refused = d.post("/desk/tickets/" + t + "/close", Map.of());
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).contains("id=\"state-error\"").contains("is already closed");
    var empty = d.post("/desk/tickets/" + t + "/reply", Map.of("body", "  "));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("id=\"reply-error\"").contains("body is required");
    assertThat(d.admin().get("/tickets/" + t).expect(200).at("/messages").size()).isEqualTo(3);
  }

  @Test
  void aFormWithoutTheCsrfTokenIsRefusedAndWritesNothing() throws Exception {
    Desk d = desk();
    String t = d.ticket("Printer on fire", "Rita", "rita@example.com");
    var r = d.browser().post("/desk/tickets/" + t + "/reply", Map.of("body", "Sneaky"));
    assertThat(r.statusCode()).isEqualTo(403);
    var wrong = d.browser().post("/desk/tickets/" + t + "/close", Map.of("_csrf", "not-the-token"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    var create = d.browser().post("/desk/tickets", Map.of("subject", "x", "body", "y",
        "requester_email", "x@example.com"));
    assertThat(create.statusCode()).isEqualTo(403);
    JsonNode ticket = d.admin().get("/tickets/" + t).expect(200).json();
    assertThat(ticket.at("/messages").size()).isEqualTo(1);
    assertThat(ticket.at("/status").asText()).isEqualTo("open");
    assertThat(d.admin().get("/tickets").expect(200).at("/data").size()).isEqualTo(1);
  }

  @Test
  void anotherWorkspacesTicketIsNotFound() throws Exception {
    Desk mine = desk();
    Desk theirs = desk();
    String t = theirs.ticket("Their secret", "Rita", "rita@example.com");
    var page = mine.get("/desk/tickets/" + t);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).doesNotContain("Their secret");
    assertThat(mine.post("/desk/tickets/" + t + "/close", Map.of()).statusCode()).isEqualTo(404);
    assertThat(mine.get("/desk/live?ticket=" + t).statusCode()).isEqualTo(404);
    assertThat(rows(mine.get("/desk/views/open?q=" + t).body())).isEmpty();
    assertThat(theirs.admin().get("/tickets/" + t).expect(200).str("/status")).isEqualTo("open");
  }

  @Test
  void markupInASubjectIsShownAsText() throws Exception {
    Desk d = desk();
    String xss = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    String t = d.ticket(xss, "<b>Rita</b>", "rita@example.com");
    d.post("/desk/tickets/" + t + "/reply", Map.of("body", xss));
    for (String html : List.of(d.get("/desk/views/open").body(), d.get("/desk/tickets/" + t).body())) {
      assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>Rita")
          .contains("&lt;script&gt;");
    }
  }

  @Test
  void newTicketChecksItsInputAsTheApiDoesAndWritesNothingOnBadInput() throws Exception {
    Desk d = desk();
    var bad = d.post("/desk/tickets", Map.of("subject", "", "body", "Help", "requester_email", "not an email",
        "priority", "whenever"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"subject-error\"").contains("subject is required")
        .contains("id=\"requester_email-error\"").contains("is not an email address")
        .contains("id=\"priority-error\"").contains("value=\"not an email\"");
    var unknownQueue = d.post("/desk/tickets", Map.of("subject", "Hi", "body", "Help",
        "requester_email", "new@example.com", "queue_id", "que_nonsense"));
    assertThat(unknownQueue.statusCode()).isEqualTo(422);
    assertThat(unknownQueue.body()).contains("id=\"queue_id-error\"");
    assertThat(d.admin().get("/tickets").expect(200).at("/data").size()).isZero();
    assertThat(d.admin().get("/contacts").expect(200).at("/data").size()).as("no contact made").isZero();

    var ok = d.post("/desk/tickets", Map.of("subject", "Printer on fire", "body", "Help",
        "requester_name", "Rita", "requester_email", "rita@example.com", "tags", "printer, urgent"));
    assertThat(ok.statusCode()).isEqualTo(303);
    String id = ok.headers().firstValue("location").orElseThrow().replace("/desk/tickets/", "");
    JsonNode t = d.admin().get("/tickets/" + id).expect(200).json();
    assertThat(t.at("/subject").asText()).isEqualTo("Printer on fire");
    assertThat(t.at("/tags").toString()).isEqualTo("[\"printer\",\"urgent\"]");
    JsonNode e = d.admin().get("/events?type=ticket.created").expect(200).at("/data/0");
    assertThat(e.at("/actor/via").asText()).isEqualTo("console");
    assertThat(e.at("/actor/id").asText()).isEqualTo(d.agentId());
  }

  @Test
  void theLiveStreamNeedsASession() throws Exception {
    DeskClient nobody = new DeskClient(node.baseUrl());
    assertThat(nobody.get("/desk/live").statusCode()).isEqualTo(401);
  }
}
