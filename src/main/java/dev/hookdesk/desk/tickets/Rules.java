package dev.hookdesk.desk.tickets;

import dev.hookdesk.core.DomainException.Conflict;

/** The state rules of a ticket's life cycle; a broken rule is a 409 saying what to do instead. */
final class Rules {
  private Rules() {}

  /** Replies, comments, assignment and classification need a ticket in the working set. */
  static void workable(Ticket t, String action) {
    if (t.trashed()) throw conflict(t, "is in the trash; untrash it before you " + action);
    if (t.spam()) throw conflict(t, "is marked as spam; unspam it before you " + action);
    if (t.archived()) throw conflict(t, "is archived; unarchive it before you " + action);
  }

  static void close(Ticket t) {
    workable(t, "close it");
    if (t.closed()) throw conflict(t, "is already closed");
  }

  static void reopen(Ticket t) {
    workable(t, "reopen it");
    if (!t.closed()) throw conflict(t, "is already open");
  }

  static void spam(Ticket t) {
    if (t.trashed()) throw conflict(t, "is in the trash; untrash it before you mark it as spam");
    if (t.spam()) throw conflict(t, "is already marked as spam");
  }

  static void unspam(Ticket t) {
    if (t.trashed()) throw conflict(t, "is in the trash; untrash it first");
    if (!t.spam()) throw conflict(t, "is not marked as spam");
  }

  static void trash(Ticket t) {
    if (t.trashed()) throw conflict(t, "is already in the trash");
  }

  static void untrash(Ticket t) {
    if (!t.trashed()) throw conflict(t, "is not in the trash");
  }

  static void archive(Ticket t) {
    if (t.archived()) throw conflict(t, "is already archived");
    workable(t, "archive it");
    if (!t.closed()) throw conflict(t, "is open; only closed tickets can be archived");
  }

  static void unarchive(Ticket t) {
    if (t.trashed()) throw conflict(t, "is in the trash; untrash it first");
    if (!t.archived()) throw conflict(t, "is not archived");
  }

  static Conflict conflict(Ticket t, String what) {
    return new Conflict("Ticket " + t.id() + " " + what);
  }
}
