package dev.hookdesk.webhooks;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Which integration apps hear a workspace's events (SPEC §8), as the apps feature knows them:
 * installed there, with their webhooks switched on. Asked on the fan-out's hot path, so an
 * answer is expected to come from memory most of the time.
 */
public interface AppAudience {
  AppAudience NONE = (h, workspaceId) -> List.of();

  /**
   * An app that hears the workspace.
   *
   * @param resources the event resources its granted scopes cover ({@code ticket}, {@code chat}, …)
   * @param botIds its bot agents in the workspace (for {@code only_my_chats})
   */
  record Listener(String appId, Set<String> resources, Set<String> botIds) {
    public Listener {
      resources = Set.copyOf(resources);
      botIds = Set.copyOf(botIds);
    }
  }

  List<Listener> listeners(Handle h, String workspaceId);
}
