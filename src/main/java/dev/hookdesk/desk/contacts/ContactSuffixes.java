package dev.hookdesk.desk.contacts;

import dev.hookdesk.store.SuffixTrigger;
import java.util.List;

/** On H2, keeps {@code contact_suffixes} for searches by a contact's name or email (V23, db/h2). */
public final class ContactSuffixes extends SuffixTrigger {
  public ContactSuffixes() {
    super("contact_suffixes", "contact_id", List.of("name", "email"));
  }
}
