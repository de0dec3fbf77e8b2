package dev.hookdesk.desk.agents;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An agent snapshot as the API and events show it.
 *
 * @param role {@code admin} or {@code agent}: what the person may do once signed in (SPEC §9)
 * @param active false once deactivated: no sign-in, no sessions, no tokens
 */
public record Agent(String id, String name, String email, String kind, String status,
    int maxChats, int activeChats, String webhookUrl, String role, boolean active,
    Instant createdAt, Instant updatedAt) {

  @JsonIgnore // a convenience, not a field of the published agent
  public boolean isBot() {
    return "bot".equals(kind);
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
