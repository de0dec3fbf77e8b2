package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.desk.agents.AgentService;
import dev.hookdesk.desk.contacts.ContactService;
import dev.hookdesk.desk.queues.QueueService;
import dev.hookdesk.desk.teams.TeamService;
import dev.hookdesk.desk.tickets.TicketActions;
import dev.hookdesk.desk.tickets.TicketService;
import dev.hookdesk.desk.tickets.TicketViews;
import dev.hookdesk.http.Routes;
import dev.hookdesk.live.LiveEvents;
import java.util.List;

/** The desk's ticket pages, wired once: views, the ticket page and its controls, New ticket, live. */
public final class Desk {
  private Desk() {}

  /** The services the desk's ticket pages call. */
  public record Services(TicketService tickets, TicketActions actions, TicketViews views,
      AgentService agents, TeamService teams, QueueService queues, ContactService contacts,
      LiveEvents live) {}

  public static List<Routes> routes(ConsoleGate gate, Services s) {
    Directory directory = new Directory(s.agents(), s.teams(), s.queues(), s.contacts());
    TicketPage page = new TicketPage(gate, s.views(), directory);
    return List.of(
        new DeskPages(gate, s.views(), directory),
        new TicketPages(gate, s.tickets(), page, directory),
        new TicketForms(gate, s.tickets(), s.actions(), page),
        new DeskLive(gate, s.live(), s.views()));
  }
}
