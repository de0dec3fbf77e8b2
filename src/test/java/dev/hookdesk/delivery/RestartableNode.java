package dev.hookdesk.delivery;

import dev.hookdesk.Hookdesk;
import dev.hookdesk.config.HookdeskConfig;
import dev.hookdesk.testing.Api;
import dev.hookdesk.testing.TestDatabase;
import dev.hookdesk.testing.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A node that can be stopped and started again on the same database and data directory. */
final class RestartableNode implements AutoCloseable {
  private final TestDatabase database = TestDatabase.create();
  private final Map<String, String> settings = new HashMap<>(database.settings());
  private Hookdesk node;

  RestartableNode() {
    try {
      Path dir = Files.createTempDirectory("hookdesk-restart");
      settings.put(HookdeskConfig.DATA_DIR, dir.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    settings.put(HookdeskConfig.PORT, "0");
    settings.put(HookdeskConfig.ADMIN_TOKEN, TestNode.OWNER_TOKEN);
    settings.put(HookdeskConfig.ALLOWED_NETWORKS, "127.0.0.0/8,::1/128");
  }

  Api start() {
    return start(Clock.systemUTC());
  }

  Api start(Clock clock) {
    node = Hookdesk.start(HookdeskConfig.from(settings), clock);
    return new Api("http://127.0.0.1:" + node.port(), TestNode.OWNER_TOKEN);
  }

  void stop() {
    node.close();
    node = null;
  }

  @Override
  public void close() {
    if (node != null) stop();
    database.close();
  }
}
