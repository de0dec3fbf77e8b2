package dev.hookdesk.desk.chats.routing;

import dev.hookdesk.desk.agents.Agent;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Chooses who takes a new chat. The built-in {@link LeastBusyRouter} picks the least-busy
 * online human; a decision-webhook router asks an outside service first and falls back to
 * it. Runs inside the chat's transaction, before any event of the chat is appended.
 */
public interface ChatRouter {
  /**
   * The agent for the chat, its row locked in {@code h} and with room for one more chat;
   * empty lets the chat wait until an agent has room.
   */
  Optional<Agent> choose(Handle h, RoutingRequest request);
}
