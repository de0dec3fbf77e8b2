package dev.hookdesk.desk.chats.routing;

import dev.hookdesk.desk.agents.Agent;
import java.util.Objects;

/**
 * The agent routing picked, with how: {@code decidedBy} (the decision webhook that chose) or
 * {@code fallbackReason} (why the built-in routing chose instead); both null without a webhook.
 */
public record Choice(Agent agent, String decidedBy, String fallbackReason) {
  public Choice {
    Objects.requireNonNull(agent);
  }

  public static Choice of(Agent agent) {
    return new Choice(agent, null, null);
  }

  public Choice fallingBack(String reason) {
    return new Choice(agent, null, reason);
  }
}
