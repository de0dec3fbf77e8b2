package dev.hookdesk.http;

import java.util.Optional;

/**
 * Turns an app's client credentials into the app acting as itself (SPEC §8): role {@code app},
 * the workspace that publishes it, no installation and so no workspace's data.
 */
@FunctionalInterface
public interface ClientAuthenticator {
  ClientAuthenticator NONE = (id, secret) -> Optional.empty();

  Optional<Principal> authenticate(String clientId, String clientSecret);
}
