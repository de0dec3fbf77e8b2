package dev.hookdesk.inspector;

import java.util.List;

/**
 * The signing keys of the webhooks aimed at a bin, so its captures verify without pasting a
 * secret. A webhook is aimed at a bin when its URL's path is the bin's capture path, however
 * it was registered (console, API, app).
 */
@FunctionalInterface
public interface WebhookKeys {
  List<byte[]> keys(String workspaceId, String capturePath);

  WebhookKeys NONE = (workspaceId, capturePath) -> List.of();
}
