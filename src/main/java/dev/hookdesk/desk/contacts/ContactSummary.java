package dev.hookdesk.desk.contacts;

import java.util.Objects;

/**
 * Who a contact is, as other snapshots embed it (SPEC §9: a ticket's {@code requester}). The
 * personal fields are marked in the catalog's {@code contact_summary} schema, so non-private
 * webhooks get them redacted.
 */
public record ContactSummary(String id, String name, String email, String phone, String externalId) {
  public ContactSummary {
    Objects.requireNonNull(id);
  }

  /** How a person reads it: "Name <email>", else whichever is known, else the id. */
  public String label() {
    if (name != null && email != null) return name + " <" + email + ">";
    return name != null ? name : email != null ? email : id;
  }
}
