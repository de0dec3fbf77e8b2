package dev.hookdesk.desk.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Invalid;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.queues.QueueService;
import dev.hookdesk.desk.teams.TeamService;
import dev.hookdesk.events.EventLog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Every ticket action other than the conversation: assignment, team, classification, queue
 * and the life cycle. An action that would change nothing is a 409 and emits nothing.
 */
public final class TicketActions {
  private final Jdbi jdbi;
  private final Clock clock;
  private final AgentService agents;
  private final TeamService teams;
  private final QueueService queues;
  private final TicketStore store;
  private final TicketEvents events;

  public TicketActions(Jdbi jdbi, Clock clock, EventLog events, ObjectMapper mapper,
      ContactService contacts, AgentService agents, TeamService teams, QueueService queues) {
    this.jdbi = Objects.requireNonNull(jdbi);
    this.clock = Objects.requireNonNull(clock);
    this.agents = Objects.requireNonNull(agents);
    this.teams = Objects.requireNonNull(teams);
    this.queues = Objects.requireNonNull(queues);
    this.store = new TicketStore(Objects.requireNonNull(mapper), Objects.requireNonNull(contacts));
    this.events = new TicketEvents(Objects.requireNonNull(events), mapper);
  }

  /** {@code category} is set when {@code setCategory}; null then clears it. */
  public record Classification(boolean setCategory, String category, Optional<String> priority,
      Optional<List<String>> tags) {}

  public Ticket assign(String ws, Actor actor, String id, String agentId) {
    return change(ws, actor, id, "ticket.assigned", (h, t, d) -> {
      known(agents.find(h, ws, agentId).isPresent(), "agent_id", "agent", agentId);
      Rules.workable(t, "assign it");
      if (agentId.equals(t.assigneeId())) throw Rules.conflict(t, "is already assigned to " + agentId);
      d.assigneeId = agentId;
    });
  }

  public Ticket unassign(String ws, Actor actor, String id) {
    return change(ws, actor, id, "ticket.unassigned", (h, t, d) -> {
      Rules.workable(t, "unassign it");
      if (t.assigneeId() == null) throw Rules.conflict(t, "has no assignee");
      d.assigneeId = null;
    });
  }

  public Ticket assignTeam(String ws, Actor actor, String id, String teamId) {
    return change(ws, actor, id, "ticket.team_assigned", (h, t, d) -> {
      known(teams.find(h, ws, teamId).isPresent(), "team_id", "team", teamId);
      Rules.workable(t, "hand it to a team");
      if (teamId.equals(t.teamId())) throw Rules.conflict(t, "is already with team " + teamId);
      d.teamId = teamId;
    });
  }

  public Ticket unassignTeam(String ws, Actor actor, String id) {
    return change(ws, actor, id, "ticket.team_unassigned", (h, t, d) -> {
      Rules.workable(t, "take it from its team");
      if (t.teamId() == null) throw Rules.conflict(t, "has no team");
      d.teamId = null;
    });
  }

  public Ticket classify(String ws, Actor actor, String id, Classification c) {
    return change(ws, actor, id, "ticket.classified", (h, t, d) -> {
      Rules.workable(t, "classify it");
      if (c.setCategory()) d.category = c.category();
      c.priority().ifPresent(p -> d.priority = p);
      c.tags().ifPresent(tags -> d.tags = tags);
      if (Changes.between(t, d.build()).isEmpty()) {
        throw Rules.conflict(t, "already has this classification; nothing would change");
      }
    });
  }

  public Ticket moveToQueue(String ws, Actor actor, String id, String queueId) {
    return change(ws, actor, id, "ticket.queue_changed", (h, t, d) -> {
      known(queues.find(h, ws, queueId).isPresent(), "queue_id", "queue", queueId);
      Rules.workable(t, "move it to another queue");
      if (queueId.equals(t.queueId())) throw Rules.conflict(t, "is already in queue " + queueId);
      d.queueId = queueId;
    });
  }

  public Ticket close(String ws, Actor actor, String id) {
    return change(ws, actor, id, "ticket.closed", (h, t, d) -> {
      Rules.close(t);
      d.status = Ticket.CLOSED;
      d.closedAt = clock.instant();
    });
  }

  public Ticket reopen(String ws, Actor actor, String id) {
    return change(ws, actor, id, "ticket.reopened", (h, t, d) -> {
      Rules.reopen(t);
      d.status = Ticket.OPEN;
      d.closedAt = null;
    });
  }

  public Ticket spam(String ws, Actor actor, String id) {
    return flag(ws, actor, id, "ticket.spammed", Rules::spam, d -> d.spam = true);
  }

  public Ticket unspam(String ws, Actor actor, String id) {
    return flag(ws, actor, id, "ticket.unspammed", Rules::unspam, d -> d.spam = false);
  }

  public Ticket trash(String ws, Actor actor, String id) {
    return flag(ws, actor, id, "ticket.trashed", Rules::trash, d -> d.trashed = true);
  }

  public Ticket untrash(String ws, Actor actor, String id) {
    return flag(ws, actor, id, "ticket.untrashed", Rules::untrash, d -> d.trashed = false);
  }

  public Ticket archive(String ws, Actor actor, String id) {
    return flag(ws, actor, id, "ticket.archived", Rules::archive, d -> d.archived = true);
  }

  public Ticket unarchive(String ws, Actor actor, String id) {
    return flag(ws, actor, id, "ticket.unarchived", Rules::unarchive, d -> d.archived = false);
  }

  /** A reference in the body that does not exist is bad input (422), not a missing resource. */
  private static void known(boolean exists, String field, String noun, String id) {
    if (!exists) throw new Invalid(field, "no such " + noun + " in this workspace: " + id);
  }

  private interface Step {
    void apply(Handle h, Ticket before, Ticket.Draft draft);
  }

  private Ticket flag(String ws, Actor actor, String id, String type, Consumer<Ticket> rule,
      Consumer<Ticket.Draft> set) {
    return change(ws, actor, id, type, (h, t, d) -> {
      rule.accept(t);
      set.accept(d);
    });
  }

  /** Locks the ticket, applies the step (which checks its rules), saves, and emits one event. */
  private Ticket change(String ws, Actor actor, String id, String type, Step step) {
    return jdbi.inTransaction(h -> {
      Ticket before = store.lock(h, ws, id);
      Ticket.Draft d = before.edit();
      step.apply(h, before, d);
      d.updatedAt = clock.instant();
      Ticket after = d.build();
      store.update(h, after);
      events.emit(h, ws, actor, type, after, Changes.between(before, after), null);
      return after;
    });
  }
}
