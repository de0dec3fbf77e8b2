package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chat console (SPEC §10) as plain HTTP: its doors, its refusals, and its live stream. */
@DbTest
class ChatConsoleTest {
  static TestNode node;
  static Api admin;

  @BeforeAll
  static void start() {
    node = TestNode.start();
    admin = node.admin();
    if (admin.get("/sources/website").status() == 404) {
      admin.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    }
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  static String chat(Api api, String name, String message) {
    return api.post("/chats", Api.json(Map.of("source", "website", "message", message,
        "contact", Map.of("name", name, "email", "v" + System.nanoTime() + "@example.com"))))
        .expect(201).str("/id");
  }

  static int messages(String chatId) {
    return admin.get("/chats/" + chatId + "/messages").expect(200).at("/data").size();
  }

  @Test
  void anOfflineAgentGetsNoRoutedChatAndTakesTheWaitingOneOnComingOnline() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Offline", "online");
    assertThat(ana.hx("/desk/chats/status", Map.of("status", "offline")).statusCode()).isEqualTo(200);
    assertThat(admin.get("/agents/" + ana.agentId).expect(200).str("/status")).isEqualTo("offline");
    // other online agents of the workspace go away, so nobody can take it
    for (var a : admin.get("/agents?limit=500").expect(200).at("/data")) {
      if (a.path("status").asText().equals("online")) {
        admin.patch("/agents/" + a.path("id").asText(), Api.json(Map.of("status", "away"))).expect(200);
      }
    }
    String chatId = chat(admin, "Walter Waiting", "anyone there?");
    assertThat(admin.get("/chats/" + chatId).expect(200).at("/participants")).isEmpty();
    String page = ana.get("/desk/chats").body();
    assertThat(page.substring(page.indexOf("id=\"waiting\""))).contains(chatId).contains("Walter Waiting");
    assertThat(page.substring(page.indexOf("id=\"my-chats\""), page.indexOf("id=\"waiting\"")))
        .doesNotContain(chatId);

    assertThat(ana.hx("/desk/chats/status", Map.of("status", "busy")).statusCode()).isEqualTo(422);
    assertThat(admin.get("/agents/" + ana.agentId).expect(200).str("/status")).isEqualTo("offline");

    var online = ana.hx("/desk/chats/status", Map.of("status", "online"));
    assertThat(online.body()).contains("aria-pressed=\"true\">Online");
    TestNode.await("the waiting chat routed to Ana", 5000, () ->
        admin.get("/chats/" + chatId).expect(200).at("/participants/0/id").asText("").equals(ana.agentId));
    String mine = ana.get("/desk/chats/lists").body();
    assertThat(mine.substring(mine.indexOf("id=\"my-chats\""), mine.indexOf("id=\"waiting\"")))
        .contains(chatId);
    ana.hx("/desk/chats/status", Map.of("status", "offline")); // the other tests' chats wait
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndWritesNothing() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Csrf", "away");
    String chatId = chat(admin, "Carl", "hi");
    var joined = ana.hx("/desk/chats/" + chatId + "/join", Map.of());
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
    int before = messages(chatId);
    var refused = ana.withoutCsrf("/desk/chats/" + chatId + "/messages", Map.of("text", "forged"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(ana.withoutCsrf("/desk/chats/" + chatId + "/close", Map.of()).statusCode()).isEqualTo(403);
    assertThat(ana.withoutCsrf("/desk/chats/status", Map.of("status", "online")).statusCode()).isEqualTo(403);
    assertThat(messages(chatId)).isEqualTo(before);
    assertThat(admin.get("/chats/" + chatId).expect(200).at("/closed_at").isNull()).isTrue();
  }

  @Test
  void badInputIsShownBesideTheControlAndWritesNothing() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Input", "away");
    String chatId = chat(admin, "Ivy", "hi");
    ana.hx("/desk/chats/" + chatId + "/join", Map.of());
    int before = messages(chatId);
    var empty = ana.hx("/desk/chats/" + chatId + "/messages", Map.of("text", "   "));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("id=\"message-error\"").contains("Message must not be empty");
    var tooLong = ana.hx("/desk/chats/" + chatId + "/messages", Map.of("text", "x".repeat(10_001)));
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body()).contains("at most 10000 characters");
    var unknown = ana.hx("/desk/chats/" + chatId + "/invitations", Map.of("agent_id", "agt_nobody"));
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).contains("id=\"invite-error\"").contains("is not an agent of this workspace");
    var longNote = ana.hx("/desk/chats/" + chatId + "/close", Map.of("note", "n".repeat(2001)));
    assertThat(longNote.statusCode()).isEqualTo(422);
    assertThat(longNote.body()).contains("id=\"close-error\"");
    var plain = ana.browser.post("/desk/chats/" + chatId + "/messages", Map.of("_csrf", ana.browser.csrf, "text", ""));
    assertThat(plain.statusCode()).isEqualTo(422);
    assertThat(plain.body()).contains("Message must not be empty").contains("<html");
    assertThat(messages(chatId)).isEqualTo(before);
    assertThat(admin.get("/chats/" + chatId).expect(200).at("/invitations")).isEmpty();
    assertThat(admin.get("/chats/" + chatId).expect(200).at("/closed_at").isNull()).isTrue();
  }

  @Test
  void anotherWorkspacesChatAndAChatTakenBySomeoneElseAnswer404() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Isolated", "away");
    Api other = admin.as(admin.post("/workspaces", Api.json(Map.of("name", "Other")))
        .expect(201).str("/admin_token"));
    other.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
    String foreign = chat(other, "Olga Other", "secret of another workspace");
    assertThat(ana.get("/desk/chats/" + foreign).statusCode()).isEqualTo(404);
    assertThat(ana.get("/desk/chats/" + foreign + "/panel").statusCode()).isEqualTo(404);
    assertThat(ana.get("/desk/chats/live?chat=" + foreign).statusCode()).isEqualTo(404);
    assertThat(ana.hx("/desk/chats/" + foreign + "/join", Map.of()).statusCode()).isEqualTo(404);
    assertThat(ana.hx("/desk/chats/" + foreign + "/messages", Map.of("text", "hi")).statusCode()).isEqualTo(404);
    assertThat(other.get("/chats/" + foreign).expect(200).at("/participants")).isEmpty();

    ChatDesk bo = ChatDesk.agent(admin, node.baseUrl(), "Bo Busy", "away");
    String taken = chat(admin, "Tina Taken", "private words");
    bo.hx("/desk/chats/" + taken + "/join", Map.of());
    assertThat(ana.get("/desk/chats/" + taken).statusCode()).as("taken by Bo, Ana never in it").isEqualTo(404);
    assertThat(ana.get("/desk/chats/" + taken).body()).doesNotContain("private words");
  }

  @Test
  void aScriptInAMessageIsShownAsTextOnThePageAndInTheStream() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Escapes", "away");
    String chatId = chat(admin, "<b>Mallory</b>", "<script>alert(1)</script>");
    ana.hx("/desk/chats/" + chatId + "/join", Map.of());
    var page = ana.get("/desk/chats/" + chatId);
    assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
        .contains("&lt;b&gt;Mallory&lt;/b&gt;").doesNotContain("<b>Mallory");
    try (var stream = ana.stream(ChatDesk.streamUrl(page.body()), null)) {
      admin.post("/chats/" + chatId + "/messages", Api.json(Map.of("author_type", "contact",
          "text", "<img src=x onerror=alert(2)>\nsecond line"))).expect(201);
      var line = stream.next("message");
      assertThat(line.data()).contains("&lt;img src=x onerror=alert(2)&gt;\nsecond line")
          .doesNotContain("<img");
    }
  }

  @Test
  void theStreamCarriesTheOpenChatsLinesOnceInOrderAndResumesAfterTheLastSeen() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Streams", "away");
    String chatId = chat(admin, "Sam Stream", "first");
    String elsewhere = chat(admin, "Nora Noise", "noise");
    ana.hx("/desk/chats/" + chatId + "/join", Map.of());
    String url = ChatDesk.streamUrl(ana.get("/desk/chats/" + chatId).body());
    String lastSeen;
    try (var stream = ana.stream(url, null)) {
      ana.hx("/desk/chats/" + chatId + "/messages", Map.of("text", "one"));
      admin.post("/chats/" + elsewhere + "/messages", Api.json(Map.of("author_type", "contact",
          "text", "not for this page"))).expect(201);
      admin.post("/chats/" + chatId + "/messages", Api.json(Map.of("author_type", "contact",
          "text", "two"))).expect(201);
      var one = stream.next("message");
      var two = stream.next("message");
      assertThat(one.data()).contains("one").contains("Ana Streams").contains("from-agent");
      assertThat(two.data()).contains("two").contains("Sam Stream").doesNotContain("not for this page");
      assertThat(Long.parseLong(two.id())).isGreaterThan(Long.parseLong(one.id()));
      lastSeen = one.id();
    }
    try (var resumed = ana.stream(url, lastSeen)) {
      assertThat(resumed.next("message").data()).contains("two");
      assertThat(resumed.any("message", 500)).as("nothing twice").isFalse();
    }
    try (var lists = ana.stream("/desk/chats/live", null)) {
      chat(admin, "Rita Routed", "hello?");
      assertThat(lists.next("chats").data()).as("the lists reload; no content of the chat").isEqualTo("{}");
    }
  }

  @Test
  void aSessionFollowsAtMostEightChatStreamsAndAnotherSignInHasPlacesOfItsOwn() throws Exception {
    ChatDesk ana = ChatDesk.agent(admin, node.baseUrl(), "Ana Tabs", "away");
    String url = ChatDesk.streamUrl(ana.get("/desk/chats").body());
    List<ChatDesk.Stream> tabs = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) tabs.add(ana.stream(url, null));
      assertThat(ana.streamStatus(url)).as("a ninth tab of the same session").isEqualTo(429);
      try (var elsewhere = ana.signedInAgain().stream(url, null)) {
        chat(admin, "Tina Tabs", "hello?");
        assertThat(elsewhere.next("chats").data()).isEqualTo("{}");
      }
      tabs.remove(0).close();
      // the node notices a closed tab when it next writes to it: the lists' next reload
      chat(admin, "Tom Tabs", "still there?");
      TestNode.await("a closed tab's place taken again", 10_000, () -> {
        try {
          return ana.streamStatus(url) == 200;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } finally {
      for (var t : tabs) t.close();
    }
  }
}
