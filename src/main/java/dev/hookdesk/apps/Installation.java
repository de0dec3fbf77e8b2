package dev.hookdesk.apps;

import java.time.Instant;
import java.util.List;

/** An app installed in a workspace, with the scopes its admin granted. */
public record Installation(String id, String appId, String appName, String workspaceId,
    List<String> scopes, String installedBy, Instant installedAt, Instant uninstalledAt,
    boolean webhooksEnabled) {

  boolean active() {
    return uninstalledAt == null;
  }
}
