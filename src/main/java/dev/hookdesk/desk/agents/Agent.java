package dev.hookdesk.desk.agents;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An agent snapshot as the API and events show it.
 *
 * @param webhookUrl a bot's endpoint; it may carry the bot service's own token, so it is left
 *     out of events (which agents, apps and webhooks read) and shown to admin tokens only,
 *     by {@link AgentRoutes}
 * @param role {@code admin} or {@code agent}: what the person may do once signed in (SPEC §9)
 * @param active false once deactivated: no sign-in, no sessions, no tokens
 * @param appId the integration app whose installation token created this bot (SPEC §8): its
 *     calls go to that app's bot webhook; null for every other agent
 */
public record Agent(String id, String name, String email, String kind, String status,
    int maxChats, int activeChats, @JsonIgnore String webhookUrl, String role, boolean active,
    String appId, Instant createdAt, Instant updatedAt) {

  @JsonIgnore // a convenience, not a field of the published agent
  public boolean isBot() {
    return "bot".equals(kind);
  }

  /** A bot the app created with its installation token. */
  @JsonIgnore
  public boolean isBotOf(String app) {
    return isBot() && app.equals(appId);
  }

  @JsonIgnore
  public boolean isAdmin() {
    return "admin".equals(role);
  }

  /** Online with room for one more chat. */
  public boolean hasRoom() {
    return "online".equals(status) && activeChats < maxChats;
  }
}
