package dev.hookdesk.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.live.SseStream;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC §9: every session of an agent ends when the agent is deactivated or their password
 * changes, and a session ends at sign-out; the live streams those sessions opened (the desk's
 * /desk/live, the chat console's) end with them, at once rather than at the next heartbeat
 * (15 s) or when the browser goes away. Other sessions' streams go on.
 */
@DbTest
class SessionStreamsTest {
  /** Well under a heartbeat: a stream that only noticed at its heartbeat would miss it. */
  static final long PROMPTLY = SseStream.HEARTBEAT.toMillis() / 3;

  @RegisterExtension
  static final TestNode node = TestNode.perClass();
  static final Api admin = node.admin();

  static ChatDesk signedIn(String name) throws Exception {
    return ChatDesk.agent(admin, node.baseUrl(), name, "online");
  }

  static void awaitEnd(ChatDesk.Stream stream, String why) {
    TestNode.await("the stream to end after " + why, PROMPTLY, stream::ended);
  }

  @Test
  void deactivatingTheAgentEndsTheirDeskStream() throws Exception {
    ChatDesk ana = signedIn("Ana Deactivated");
    try (var live = ana.stream("/desk/live", null)) {
      admin.patch("/agents/" + ana.agentId, Api.json(Map.of("active", false))).expect(200);
      awaitEnd(live, "deactivation");
    }
    assertThat(ana.get("/desk/live").statusCode()).as("and it cannot reopen").isEqualTo(401);
  }

  @Test
  void signingOutEndsThatSessionsChatStreamButNotAnotherSessions() throws Exception {
    ChatDesk here = signedIn("Bo Signs Out");
    ChatDesk elsewhere = signedIn("Cy Stays");
    try (var chats = here.stream(ChatDesk.streamUrl(here.get("/desk/chats").body()), null);
        var other = elsewhere.stream("/desk/live", null)) {
      assertThat(here.browser.post("/sign-out", Map.of("_csrf", here.browser.csrf)).statusCode()).isEqualTo(303);
      awaitEnd(chats, "sign-out");
      admin.post("/tickets", Api.json(Map.of("subject", "Still following", "body", "Hi",
          "requester", Map.of("name", "Rita", "email", "rita@example.com")))).expect(201);
      assertThat(other.next("ticket")).as("another session's stream goes on").isNotNull();
      assertThat(other.ended()).isFalse();
    }
    assertThat(here.get("/desk/live").statusCode()).as("and it cannot reopen").isEqualTo(401);
  }

  @Test
  void aStreamWhoseTokenIsRevokedEndsAtItsNextHeartbeat() throws Exception {
    var minted = admin.post("/tokens", Api.json(Map.of("role", "admin", "name", "wall screen"))).expect(201);
    DeskClient browser = new DeskClient(node.baseUrl());
    browser.get("/console");
    assertThat(browser.post("/console/signin", Map.of("_csrf", browser.csrf, "token", minted.str("/token")))
        .statusCode()).isEqualTo(303);
    try (var live = ChatDesk.of(browser, null).stream("/desk/live", null)) {
      admin.delete("/tokens/" + minted.str("/id")).expect(204);
      // nothing ends a token's sessions by a write: the stream asks at its heartbeat
      TestNode.await("the stream to end after its token was revoked", SseStream.HEARTBEAT.toMillis() + 5_000,
          live::ended);
    }
    assertThat(browser.get("/desk/live").statusCode()).isEqualTo(401);
  }

  @Test
  void aNewInvitationResettingThePasswordEndsEveryStreamOfTheAgent() throws Exception {
    ChatDesk dee = signedIn("Dee Reset");
    DeskClient secondSignIn = new DeskClient(node.baseUrl());
    assertThat(secondSignIn.signIn(admin.get("/agents/" + dee.agentId).str("/email"), ChatDesk.PASSWORD)
        .statusCode()).isEqualTo(303);
    ChatDesk sameAgent = ChatDesk.of(secondSignIn, dee.agentId);
    try (var first = dee.stream("/desk/live", null); var second = sameAgent.stream("/desk/live", null)) {
      admin.post("/agents/" + dee.agentId + "/invitation").expect(201);
      awaitEnd(first, "a new invitation");
      awaitEnd(second, "a new invitation");
    }
  }
}
