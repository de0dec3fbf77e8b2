package dev.hookdesk.bots;

import dev.hookdesk.events.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where the bots an integration app created are called (SPEC §8): the app's {@code bot} webhook,
 * while the app is installed in the workspace with its webhooks on. The apps feature knows it.
 */
public interface AppBotWebhooks {
  AppBotWebhooks NONE = new AppBotWebhooks() {
    @Override
    public boolean hears(Handle h, String workspaceId, String appId, Event event) {
      return false;
    }

    @Override
    public Optional<Target> target(Handle h, String workspaceId, String appId, Event event, Instant now) {
      return Optional.empty();
    }
  };

  /**
   * A call: the URL, the keys that sign now, and the body (personal fields redacted unless the
   * URL is https, as for every app webhook).
   */
  record Target(String url, List<byte[]> keys, byte[] body) {
    public Target {
      keys = List.copyOf(keys);
    }
  }

  /** Whether the app's bots are called about this event, asked in the event's transaction. */
  boolean hears(Handle h, String workspaceId, String appId, Event event);

  /** Where to send this call now; empty once the app cannot be called there any more. */
  Optional<Target> target(Handle h, String workspaceId, String appId, Event event, Instant now);
}
