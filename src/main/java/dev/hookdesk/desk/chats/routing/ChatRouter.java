package dev.hookdesk.desk.chats.routing;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Chooses who takes a chat. The built-in {@link LeastBusyRouter} picks the least-busy online
 * human; decorators (a decision webhook, bots first) wrap it. Choosing has two halves: an
 * optional {@link #advise} that may ask an outside service and runs outside any transaction,
 * and {@link #choose}, which runs inside the chat's transaction and must be quick.
 */
public interface ChatRouter {
  /** Whether {@link #advise} may call out for this source; then the caller must not hold a transaction. */
  default boolean callsOut(String workspaceId, String source) {
    return false;
  }

  /** Outside any transaction; may take as long as the outside service is allowed to. */
  default Advice advise(RoutingRequest request) {
    return Advice.NONE;
  }

  /**
   * The agent for the chat, its row locked in {@code h} and with room for one more chat;
   * empty lets the chat wait until an agent has room.
   */
  Optional<Choice> choose(Handle h, RoutingRequest request, Advice advice);
}
