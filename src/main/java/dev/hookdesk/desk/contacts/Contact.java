package dev.hookdesk.desk.contacts;

import java.time.Instant;

/** A contact snapshot as the API and events show it. */
public record Contact(String id, String name, String email, String phone, String externalId,
    boolean blocked, boolean emailSubscribed, Instant createdAt, Instant deletedAt) {

  public boolean deleted() {
    return deletedAt != null;
  }

  /** The short form other snapshots embed (a ticket's requester). */
  public ContactSummary summary() {
    return new ContactSummary(id, name, email, phone, externalId);
  }
}
