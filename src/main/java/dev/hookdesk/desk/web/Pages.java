package dev.hookdesk.desk.web;

import java.util.List;

/** The models of the templates under src/main/jte/desk, one record per page. */
public final class Pages {
  private Pages() {}

  /** desk/signin.jte */
  public record SignIn(DeskChrome chrome, String email, String error, String notice, String next) {}

  /** desk/password.jte: choose a password through an invitation link. */
  public record Password(DeskChrome chrome, String secret, String name, String email, String error) {}

  /** desk/message.jte: a page that only says something (a used invitation link). */
  public record Message(DeskChrome chrome, String heading, String message) {}

  /** desk/mine.jte: the tickets assigned to the signed-in agent. */
  public record Mine(DeskChrome chrome, List<TicketRow> tickets) {}

  /** One line of a ticket list. */
  public record TicketRow(String id, String subject, String requester, String status, String updated) {}
}
