package dev.hookdesk.apps;

import java.time.Instant;
import java.util.List;

/**
 * An integration app as the API shows it; its client secret is never shown again after
 * registration or rotation.
 *
 * @param workspaceId the workspace that publishes the app
 */
public record App(String id, String workspaceId, String name, String description,
    String homepageUrl, List<String> redirectUris, List<String> scopes, String clientId,
    Instant createdAt, Instant updatedAt) {

  /** The answer of registration and rotation: the app and its client secret, shown once. */
  public record WithSecret(String id, String workspaceId, String name, String description,
      String homepageUrl, List<String> redirectUris, List<String> scopes, String clientId,
      String clientSecret, Instant createdAt, Instant updatedAt) {
    static WithSecret of(App a, String secret) {
      return new WithSecret(a.id(), a.workspaceId(), a.name(), a.description(), a.homepageUrl(),
          a.redirectUris(), a.scopes(), a.clientId(), secret, a.createdAt(), a.updatedAt());
    }
  }
}
