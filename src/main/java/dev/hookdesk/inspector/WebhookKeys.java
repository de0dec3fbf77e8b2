package dev.hookdesk.inspector;

import java.util.List;

/**
 * The signing keys of the webhook a bin is linked to, so its captures verify without
 * pasting the secret. TODO(lead): once the registry is merged, pass
 * {@code id -> directory.signingSecrets(id, clock.instant())} instead of {@link #NONE}.
 */
@FunctionalInterface
public interface WebhookKeys {
  List<byte[]> keys(String webhookId);

  WebhookKeys NONE = webhookId -> List.of();
}
