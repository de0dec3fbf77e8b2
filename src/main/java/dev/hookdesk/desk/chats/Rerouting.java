package dev.hookdesk.desk.chats;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.desk.chats.routing.Advice;
import dev.hookdesk.desk.chats.routing.ChatRouter;
import dev.hookdesk.desk.chats.routing.Choice;
import dev.hookdesk.desk.chats.routing.RoutingRequest;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Routes a chat that needs an agent after the transaction that made it need one. The router
 * may ask an outside service first; no transaction is open while it waits (SPEC §6), and the
 * short transaction that follows re-checks the chat and the agent's room.
 */
final class Rerouting {
  private final Jdbi jdbi;
  private final ChatStore chats;
  private final ChatRouter router;
  private final Assignment assignment;
  private final Snapshots snapshots;
  private final ObjectMapper mapper;

  Rerouting(Jdbi jdbi, ChatStore chats, ChatRouter router, Assignment assignment,
      Snapshots snapshots, ObjectMapper mapper) {
    this.jdbi = jdbi;
    this.chats = chats;
    this.router = router;
    this.assignment = assignment;
    this.snapshots = snapshots;
    this.mapper = mapper;
  }

  boolean callsOut(String workspaceId, String source) {
    return router.callsOut(workspaceId, source);
  }

  /** Call with no transaction open. Does nothing when the chat ended or has an agent by now. */
  void route(String workspaceId, String chatId, String trigger) {
    Optional<RoutingRequest> request = jdbi.withHandle(h -> {
      Chat chat = snapshots.of(h, workspaceId, chatId);
      if (!needsAgent(chat)) return Optional.empty();
      return Optional.of(new RoutingRequest(workspaceId, chatId, chat.source(), chat.type(), trigger,
          mapper.valueToTree(chat)));
    });
    if (request.isEmpty()) return;
    Advice advice = router.advise(request.get());
    jdbi.useTransaction(h -> {
      // The agent is locked before the chat, the order agent updates use (fillSeats).
      Optional<Choice> choice = assignment.choose(h, request.get(), advice);
      chats.lock(h, workspaceId, chatId);
      if (needsAgent(snapshots.of(h, workspaceId, chatId))) {
        assignment.apply(h, workspaceId, chatId, choice, advice);
      }
    });
  }

  static boolean needsAgent(Chat chat) {
    return !ChatStatus.ended(chat.status()) && chat.participants().isEmpty();
  }
}
