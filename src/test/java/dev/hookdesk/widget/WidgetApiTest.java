package dev.hookdesk.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The visitor API of SPEC §10 through HTTP, as a browser on a shop's site calls it. */
@DbTest
class WidgetApiTest {
  static final String SHOP = "https://shop.example";

  @RegisterExtension
  static final TestNode node = TestNode.perClass();

  static Api admin;
  static String ws;
  static String agentId;

  @BeforeAll
  static void setUp() {
    admin = node.admin();
    ws = node.node().defaultWorkspaceId();
    agentId = WidgetSetup.site(admin, "website", SHOP);
  }

  WidgetClient visitor() {
    return WidgetClient.visitor(node.baseUrl(), SHOP, ws, "website");
  }

  @Test
  void aVisitorChatsAndEveryStepIsTheApisEventWithTheVisitorAsActor() {
    WidgetClient v = visitor();
    var started = v.post("/chats", Map.of()).expect(201);
    String chatId = started.str("/chat/id");
    assertThat(started.str("/chat/status")).isEqualTo("handled");
    assertThat(started.at("/chat/agents/0/name").asText()).isEqualTo("Ada Agent");
    assertThat(started.json().has("stream_after")).isTrue();

    v.post("/chats/" + chatId + "/messages", Map.of("text", "Where is my parcel?")).expect(201);
    admin.post("/chats/" + chatId + "/messages", Api.json(Map.of("author_type", "agent",
        "author_id", agentId, "text", "On its way."))).expect(201);
    var current = v.get("/chats/current").expect(200);
    assertThat(current.at("/messages").findValuesAsText("text"))
        .containsExactly("Where is my parcel?", "On its way.");
    assertThat(current.str("/messages/1/author_name")).isEqualTo("Ada Agent");
    assertThat(current.at("/chat").has("close_record")).as("no internal fields").isFalse();

    v.post("/chats/" + chatId + "/transcript", Map.of("email", "vera@example.com")).expect(200);
    v.post("/chats/" + chatId + "/abandon", Map.of()).expect(200);
    assertThat(v.post("/chats/" + chatId + "/rating", Map.of("score", 5)).expect(200)
        .at("/chat/rating/score").asInt()).isEqualTo(5);

    var events = admin.get("/events?limit=200").expect(200).at("/data");
    List<String> types = new java.util.ArrayList<>();
    events.forEach(e -> {
      if (chatId.equals(e.at("/data/chat/id").asText()) && e.at("/actor/type").asText().equals("contact")) {
        assertThat(e.at("/actor/id").asText()).isEqualTo(v.contactId);
        assertThat(e.at("/actor/via").asText()).isEqualTo("widget");
        types.add(e.at("/type").asText());
      }
    });
    assertThat(types).contains("chat.created", "chat.message_received", "chat.transcript_sent",
        "chat.closed", "chat.rated");
  }

  @Test
  void oneVisitorCannotReadOrWriteAnothersChat() throws Exception {
    WidgetClient vera = visitor();
    String chatId = vera.post("/chats", Map.of()).expect(201).str("/chat/id");
    WidgetClient mallory = visitor();

    mallory.post("/chats/" + chatId + "/messages", Map.of("text", "hi")).problem(404, null);
    mallory.post("/chats/" + chatId + "/abandon", Map.of()).problem(404, null);
    mallory.post("/chats/" + chatId + "/transcript", Map.of("email", "m@evil.example")).problem(404, null);
    assertThat(mallory.get("/chats/current").expect(200).at("/chat").isNull()).isTrue();
    assertThat(mallory.send("GET", "/chats/" + chatId + "/stream?key=" + mallory.streamKey, null,
        Map.of("Accept", "text/event-stream")).status()).isEqualTo(404);
    assertThat(vera.get("/chats/current").expect(200).at("/messages").size()).isZero();
  }

  @Test
  void aVisitorTokenIsRefusedByTheApi() {
    WidgetClient v = visitor();
    new Api(node.baseUrl(), v.token).get("/chats").problem(401, null);
    new Api(node.baseUrl(), v.streamKey).get("/chats").problem(401, null);
  }

  @Test
  void anOriginNoSourceAllowsIsRefusedAndGetsNoCorsHeaders() {
    WidgetClient evil = new WidgetClient(node.baseUrl(), "https://evil.example");
    var r = evil.post("/sessions", Map.of("workspace_id", ws, "source", "website"));
    r.problem(403, null);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    // a token taken from the shop's page does not work from another site either
    WidgetClient v = visitor();
    WidgetClient stolen = new WidgetClient(node.baseUrl(), "https://evil.example");
    stolen.token = v.token;
    stolen.get("/chats/current").problem(403, null);

    var preflight = evil.send("OPTIONS", "/chats", null, Map.of("Access-Control-Request-Method", "POST"));
    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anOriginAllowedForAnotherSourceOnlyIsRefusedForThisOne() {
    WidgetSetup.source(admin, "mobile_app", "https://app.example");
    WidgetClient app = new WidgetClient(node.baseUrl(), "https://app.example");
    app.post("/sessions", Map.of("workspace_id", ws, "source", "website")).problem(403, null);
  }

  @Test
  void anAllowedOriginGetsCorsAnswers() {
    WidgetClient v = new WidgetClient(node.baseUrl(), SHOP);
    var preflight = v.send("OPTIONS", "/chats", null, Map.of("Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "authorization, content-type"));
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Authorization").contains("Content-Type");
    assertThat(preflight.headers().allValues("Vary")).contains("Origin");

    WidgetClient visitor = visitor();
    var r = visitor.get("/chats/current").expect(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SHOP);
    assertThat(r.headers().allValues("Vary")).contains("Origin");
  }

  @Test
  void aVisitorOverTheRateLimitGets429WithRetryAfter() {
    WidgetClient v = visitor();
    Api.Res last = null;
    for (int i = 0; i < WidgetGate.PER_VISITOR_PER_MINUTE * 3; i++) {
      last = v.get("/chats/current");
      if (last.status() == 429) break;
    }
    last.problem(429, null);
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
        s -> assertThat(Long.parseLong(s)).isPositive());
  }

  @Test
  void aScriptInAMessageIsStoredAndReturnedAsText() {
    WidgetClient v = visitor();
    String chatId = v.post("/chats", Map.of()).expect(201).str("/chat/id");
    String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    assertThat(v.post("/chats/" + chatId + "/messages", Map.of("text", script)).expect(201).str("/text"))
        .isEqualTo(script);
    assertThat(admin.get("/chats/" + chatId + "/messages").expect(200).str("/data/0/text")).isEqualTo(script);
  }

  @Test
  void badInputIsA4xxAndChangesNothing() {
    WidgetClient v = visitor();
    String chatId = v.post("/chats", Map.of()).expect(201).str("/chat/id");
    v.post("/chats/" + chatId + "/messages", Map.of("text", "x".repeat(10_001))).problem(422, "text");
    v.post("/chats/" + chatId + "/rating", Map.of("score", 9)).problem(422, "score");
    v.post("/chats", Map.of()).problem(409, null);
    new WidgetClient(node.baseUrl(), SHOP).post("/sessions", Map.of("workspace_id", ws, "source", "nope"))
        .problem(422, "source");
    new WidgetClient(node.baseUrl(), SHOP).post("/sessions", Map.of("workspace_id", ws, "source", "website",
        "user_hash", "00")).problem(422, "user_hash");
    assertThat(v.get("/chats/current").expect(200).at("/messages").size()).isZero();
  }

  @Test
  void aVerifiedSignedInUserIsTheContactWithThatExternalId() throws Exception {
    String secret = admin.get("/sources/website/identity-secret").expect(200).str("/secret");
    assertThat(admin.get("/sources/website/identity-secret").expect(200).str("/secret")).isEqualTo(secret);
    String hash = WidgetSetup.hmacHex(secret, "user-42");
    var first = new WidgetClient(node.baseUrl(), SHOP).post("/sessions", Map.of("workspace_id", ws,
        "source", "website", "user_id", "user-42", "user_hash", hash)).expect(201);
    var second = new WidgetClient(node.baseUrl(), SHOP).post("/sessions", Map.of("workspace_id", ws,
        "source", "website", "user_id", "user-42", "user_hash", hash.toUpperCase())).expect(201);
    assertThat(second.str("/contact_id")).isEqualTo(first.str("/contact_id"));

    new WidgetClient(node.baseUrl(), SHOP).post("/sessions", Map.of("workspace_id", ws,
        "source", "website", "user_id", "user-43", "user_hash", hash)).problem(403, null);

    String rotated = admin.post("/sources/website/identity-secret/rotate").expect(200).str("/secret");
    assertThat(rotated).isNotEqualTo(secret).startsWith("idsec_");
    new WidgetClient(node.baseUrl(), SHOP).post("/sessions", Map.of("workspace_id", ws,
        "source", "website", "user_id", "user-42", "user_hash", hash)).problem(403, null);
    node.withRole("agent").get("/sources/website/identity-secret").problem(403, null);
  }

  @Test
  void allowedOriginsMustBeOrigins() {
    admin.patch("/sources/website", Api.json(Map.of("allowed_origins", List.of("https://shop.example/path"))))
        .problem(422, "allowed_origins[0]");
    admin.patch("/sources/website", Api.json(Map.of("allowed_origins", List.of("*"))))
        .problem(422, "allowed_origins[0]");
    assertThat(admin.get("/sources/website").expect(200).at("/allowed_origins").toString())
        .isEqualTo("[\"" + SHOP + "\"]");
  }
}
