package dev.hookdesk.desk.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The models of the templates under src/main/jte/desk, one record per page. */
public final class Pages {
  private Pages() {}

  /** desk/signin.jte */
  public record SignIn(DeskChrome chrome, String email, String error, String notice, String next) {}

  /** desk/password.jte: choose a password through an invitation link. */
  public record Password(DeskChrome chrome, String secret, String name, String email, String error) {}

  /** desk/message.jte: a page that only says something (a used invitation link). */
  public record Message(DeskChrome chrome, String heading, String message) {}

  /** desk/error.jte: a desk page that cannot be shown (no such ticket), with a way back. */
  public record ErrorPage(DeskChrome chrome, int status, String message) {}

  /**
   * desk/inbox.jte and its live part desk/inbox_region.jte: the views with their counts, one
   * page of tickets, and where the next page starts.
   *
   * @param refresh where the live region reloads itself from (this page, as a fragment)
   * @param next the next page's address, or null on the last page
   */
  public record Inbox(DeskChrome chrome, String heading, String query, List<ViewLink> views,
      List<ViewLink> queues, List<TicketRow> tickets, String refresh, String next, String first,
      String empty) {}

  /**
   * A link to a ticket view; its accessible name is the view's name alone and the count sits
   * beside it ({@code aria-describedby}).
   */
  public record ViewLink(String key, String name, String href, String count, boolean current) {
    public String ariaCurrent() {
      return current ? "page" : null;
    }
  }

  /** One line of a ticket list. */
  public record TicketRow(String id, String subject, String requester, String status,
      String priority, String assignee, String updated) {}

  /** desk/new_ticket.jte: the form, what was typed, and the API's errors by field. */
  public record NewTicket(DeskChrome chrome, Map<String, String> values, List<Option> queues,
      List<String> priorities, Map<String, List<String>> errors) {
    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public List<String> errorsOf(String field) {
      return errors.getOrDefault(field, List.of());
    }

    public String invalid(String field) {
      return errors.containsKey(field) ? "true" : null;
    }
  }

  /** A choice in a select. */
  public record Option(String value, String label) {}

  /**
   * desk/ticket.jte and its live part desk/ticket_region.jte.
   *
   * @param moves what the ticket's state allows (see TicketMoves)
   * @param me the signed-in agent, or "" for a token session that acts for no agent
   * @param errors the service's refusals by control: reply, note, assign, team, queue, classify, state
   */
  public record Ticket(DeskChrome chrome, TicketView ticket, List<MessageView> messages,
      RequesterView requester, List<TicketRow> others, List<Option> agents, List<Option> teams,
      List<Option> queues, List<String> priorities, Set<String> moves, String me,
      Map<String, List<String>> errors, Map<String, String> values) {
    public boolean can(String move) {
      return moves.contains(move);
    }

    public List<String> errorsOf(String control) {
      return errors.getOrDefault(control, List.of());
    }

    public String invalid(String control) {
      return errors.containsKey(control) ? "true" : null;
    }

    public String value(String field) {
      return values.getOrDefault(field, "");
    }

    public boolean actsAsAgent() {
      return !me.isEmpty();
    }
  }

  /** A ticket as its page shows it: names rather than ids. */
  public record TicketView(String id, String subject, String status, String priority,
      String category, String tags, String assigneeId, String assignee, String teamId,
      String team, String queueId, String queue, String created, String updated) {}

  /** One message of the conversation; {@code internal} notes are told apart by a label. */
  public record MessageView(String id, String author, String authorType, String body,
      boolean internal, String at) {
    public String kind() {
      return internal ? "Internal note" : "Public reply";
    }
  }

  public record RequesterView(String id, String name, String email, String phone) {}
}
