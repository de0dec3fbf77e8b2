package dev.hookdesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.Hookdesk;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.Receiver;
import dev.hookdesk.testing.TestDatabase;
import dev.hookdesk.testing.TestNode;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Header values stored in clear by an older version are sealed when a node starts. */
@DbTest
class HeaderSealingAtStartTest {
  static final String KEY = "k-stored-in-clear-789";

  @Test
  void aNodeSealsClearHeaderValuesWhenItStarts() throws Exception {
    try (TestDatabase db = TestDatabase.create(); Receiver receiver = Receiver.http()) {
      Map<String, String> settings = new HashMap<>(db.settings());
      settings.put(HookdeskConfig.DATA_DIR, Files.createTempDirectory("hookdesk-seal").toString());
      settings.put(HookdeskConfig.PORT, "0");
      settings.put(HookdeskConfig.ADMIN_TOKEN, TestNode.OWNER_TOKEN);
      settings.put(HookdeskConfig.ALLOWED_NETWORKS, "127.0.0.0/8");

      String id;
      try (Hookdesk before = Hookdesk.start(HookdeskConfig.from(settings), Clock.systemUTC())) {
        id = api(before).post("/webhooks", Api.json(Map.of("scope", "global", "url", receiver.url("/h"),
            "events", List.of("ticket.*"), "headers", Map.of("X-Api-Key", "placeholder")))).expect(201).str("/id");
        // what a version before sealing left in the row
        before.database().inTransaction(h -> h.createUpdate("UPDATE webhooks SET headers = :clear WHERE id = :id")
            .bind("clear", "{\"X-Api-Key\":\"" + KEY + "\"}").bind("id", id).execute());
      }

      try (Hookdesk after = Hookdesk.start(HookdeskConfig.from(settings), Clock.systemUTC())) {
        String column = after.database().read(h -> h.createQuery("SELECT headers FROM webhooks WHERE id = :id")
            .bind("id", id).mapTo(String.class).one());
        assertThat(column).doesNotContain(KEY).doesNotContain("X-Api-Key");
        api(after).post("/webhooks/" + id + "/test").expect(200);
        assertThat(receiver.last().header("x-api-key")).isEqualTo(KEY);
      }
    }
  }

  private static Api api(Hookdesk node) {
    return new Api("http://127.0.0.1:" + node.port(), TestNode.OWNER_TOKEN);
  }
}
