package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleGate;
import dev.hookdesk.console.ConsoleSession;
import io.javalin.http.Context;

/** A desk page that cannot be shown, framed as the desk (not Settings), with a way back. */
final class DeskErrors {
  private DeskErrors() {}

  static void send(ConsoleGate gate, Context ctx, ConsoleSession s, int status, String message) {
    String title = status == 404 ? "Not found" : "Cannot do that";
    gate.templates().send(ctx, status, "desk/error.jte",
        new Pages.ErrorPage(DeskChrome.of(s, title, ""), status, message));
  }
}
