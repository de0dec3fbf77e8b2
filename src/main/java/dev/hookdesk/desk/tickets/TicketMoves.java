package dev.hookdesk.desk.tickets;

import dev.hookdesk.core.DomainException.Conflict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Which actions a ticket's state allows now, asked of the same {@link Rules} the actions
 * enforce, so the desk shows only controls that would not be refused.
 */
public final class TicketMoves {
  /** {@code work}: reply, note, assign, team, queue and classify. */
  private static final Map<String, Consumer<Ticket>> RULES = new LinkedHashMap<>();

  static {
    RULES.put("work", t -> Rules.workable(t, "work on it"));
    RULES.put("unassign", t -> {
      Rules.workable(t, "unassign it");
      if (t.assigneeId() == null) throw Rules.conflict(t, "has no assignee");
    });
    RULES.put("close", Rules::close);
    RULES.put("reopen", Rules::reopen);
    RULES.put("spam", Rules::spam);
    RULES.put("unspam", Rules::unspam);
    RULES.put("trash", Rules::trash);
    RULES.put("untrash", Rules::untrash);
    RULES.put("archive", Rules::archive);
    RULES.put("unarchive", Rules::unarchive);
  }

  private TicketMoves() {}

  public static Set<String> allowed(Ticket t) {
    return RULES.entrySet().stream().filter(e -> passes(e.getValue(), t)).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static boolean passes(Consumer<Ticket> rule, Ticket t) {
    try {
      rule.accept(t);
      return true;
    } catch (Conflict e) {
      return false;
    }
  }
}
