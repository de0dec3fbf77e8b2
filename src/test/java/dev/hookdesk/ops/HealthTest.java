package dev.hookdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookdesk.Hookdesk;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.DbTest;
import dev.hookdesk.testing.TestDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /health} says ok only while the database answers, so an orchestrator can act. */
@DbTest
class HealthTest {

  @Test
  void healthAnswers503OnceTheDatabaseIsGone() throws Exception {
    try (TestDatabase db = TestDatabase.create()) {
      Map<String, String> s = new HashMap<>(db.settings());
      s.put(HookdeskConfig.PORT, "0");
      s.put(HookdeskConfig.DATA_DIR, Files.createTempDirectory("hookdesk-health").toString());
      try (Hookdesk node = Hookdesk.start(HookdeskConfig.from(s), Clock.systemUTC())) {
        Api anonymous = new Api("http://127.0.0.1:" + node.port(), null);
        var ok = anonymous.get("/health").expect(200);
        assertThat(ok.json()).hasSize(1);
        assertThat(ok.str("/status")).isEqualTo("ok");

        node.database().close();

        var down = anonymous.get("/health").expect(503);
        assertThat(down.str("/status")).isEqualTo("unavailable");
        assertThat(down.str("/database")).isNotBlank();
      }
    }
  }
}
