package dev.hookdesk.http;

import java.util.Set;

/** Which tokens may call a route. */
public enum Access {
  /** No token: health, metrics, inspector capture. */
  PUBLIC(Set.of()),
  /** Help-desk actions: admins, agents and integration apps. */
  DESK(Set.of(Role.ADMIN, Role.AGENT, Role.APP)),
  /** Webhook management: admins, and apps for the webhooks they own. */
  WEBHOOKS(Set.of(Role.ADMIN, Role.APP)),
  /** Agents: admins, and apps for the bot agents they create (SPEC §8). */
  AGENTS(Set.of(Role.ADMIN, Role.APP)),
  /** Workspace administration. */
  ADMIN(Set.of(Role.ADMIN)),
  /** The instance owner (the bootstrap token). */
  OWNER(Set.of(Role.ADMIN)),
  /**
   * An integration app itself, by its client credentials in HTTP Basic (SPEC §8), not a token:
   * managing the webhooks it registers once for every installation.
   */
  CLIENT(Set.of(Role.APP));

  private final Set<Role> roles;

  Access(Set<Role> roles) {
    this.roles = roles;
  }

  boolean allows(Principal p) {
    if (this == OWNER) return p.owner();
    return roles.contains(p.role());
  }

  String describe() {
    return switch (this) {
      case OWNER -> "the instance owner token";
      case ADMIN -> "an admin token";
      case WEBHOOKS -> "an admin or app token";
      case AGENTS -> "an admin token, or an app's installation token for bot agents";
      case CLIENT -> "the app's client credentials (HTTP Basic client_id:client_secret)";
      default -> "an admin, agent or app token";
    };
  }
}
