package dev.hookdesk.desk.tickets;

import dev.hookdesk.store.SuffixTrigger;
import java.util.List;

/** On H2, keeps {@code ticket_suffixes} for the desk's search by subject (V23, db/h2). */
public final class SubjectSuffixes extends SuffixTrigger {
  public SubjectSuffixes() {
    super("ticket_suffixes", "ticket_id", List.of("subject"));
  }
}
