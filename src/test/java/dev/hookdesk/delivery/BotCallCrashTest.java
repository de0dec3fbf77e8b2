package dev.hookdesk.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestNode;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A bot call survives a SIGKILL between the chat event's commit and the bot's answer. */
class BotCallCrashTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void aBotCallHeldWhenTheNodeIsKilledIsMadeAgainAfterRestartAndItsReplyPosted() throws Exception {
    Path dataDir = Files.createTempDirectory("hookdesk-bot-crash");
    Map<String, String> settings = NodeProcess.settings(dataDir);
    settings.put("HOOKDESK_NODE_TIMEOUT_SECONDS", "2");
    try (Bot bot = new Bot()) {
      String chatId;
      try (NodeProcess node = NodeProcess.start(settings)) {
        Api api = node.api();
        api.post("/sources", Api.json(Map.of("key", "website", "name", "Website"))).expect(201);
        String botId = api.post("/agents", Api.json(Map.of("name", "Echo", "kind", "bot",
            "status", "online", "max_chats", 5, "webhook_url", bot.url()))).expect(201).str("/id");
        api.put("/agents/" + botId + "/sources", Api.json(Map.of("sources", List.of("website")))).expect(200);
        chatId = api.post("/chats", Api.json(Map.of("source", "website", "contact",
            Map.of("name", "Maria", "email", "maria@example.com")))).expect(201).str("/id");
        // committed: the chat is the bot's; its call about chat.assigned is held by the bot
        TestNode.await("the bot's first call", 30_000, () -> !bot.calls.isEmpty());
        node.kill();
      }
      bot.answerFromNowOn();
      try (NodeProcess restarted = NodeProcess.start(settings)) {
        Api api = restarted.api();
        TestNode.await("the bot's reply in the chat", 60_000, () -> botTexts(api, chatId).contains("hi, I am a bot"));
        assertThat(bot.calls).as("the call after the restart is the same event").hasSizeGreaterThanOrEqualTo(2);
        assertThat(bot.calls.get(bot.calls.size() - 1)).isEqualTo(bot.calls.get(0));
        assertThat(botTexts(api, chatId)).containsExactly("hi, I am a bot");
      }
    }
  }

  private static List<String> botTexts(Api api, String chatId) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : api.get("/chats/" + chatId + "/messages").expect(200).at("/data")) {
      if (m.get("author_type").asText().equals("bot")) out.add(m.get("text").asText());
    }
    return out;
  }

  /** A bot on loopback that holds every call until told to answer; records the event ids. */
  private static final class Bot implements AutoCloseable {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch answering = new CountDownLatch(1);
    private final HttpServer server;

    Bot() throws Exception {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", ex -> {
        JsonNode event;
        try (InputStream in = ex.getRequestBody()) {
          event = MAPPER.readTree(in.readAllBytes());
        }
        if (!event.get("type").asText().equals("chat.assigned")) {
          ex.sendResponseHeaders(204, -1);
          ex.close();
          return;
        }
        calls.add(event.get("id").asText());
        try {
          answering.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        byte[] out = "{\"messages\":[{\"text\":\"hi, I am a bot\"}]}".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("content-type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
        ex.close();
      });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/bot";
    }

    void answerFromNowOn() {
      answering.countDown();
    }

    @Override
    public void close() {
      answering.countDown();
      server.stop(0);
    }
  }
}
