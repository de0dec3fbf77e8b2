package dev.hookdesk.desk.contacts;

import java.time.Instant;

/** A contact snapshot as the API and events show it. */
public record Contact(String id, String name, String email, String phone, boolean blocked,
    boolean emailSubscribed, Instant createdAt, Instant deletedAt) {

  public boolean deleted() {
    return deletedAt != null;
  }
}
