package dev.hookdesk.desk.web;

import dev.hookdesk.desk.contacts.Contact;
import java.util.List;
import java.util.Map;

/** The models of the desk's contact templates (src/main/jte/desk/contact*.jte). */
public final class ContactViews {
  private ContactViews() {}

  /** desk/contacts.jte: the contact list, filtered by {@code query}, one page at a time. */
  public record Listing(DeskChrome chrome, String query, List<Row> contacts, String nextHref,
      String notice) {}

  /** One line of the contact list. */
  public record Row(String id, String name, String email, String externalId, boolean blocked) {}

  /**
   * desk/contact.jte: a contact's details, their tickets, and the Edit form as typed.
   *
   * @param errors by form field (the API's field names)
   */
  public record Detail(DeskChrome chrome, Contact contact, List<TicketLine> tickets, Form form,
      Map<String, List<String>> errors, String notice) {
    public List<String> errorsOf(String field) {
      return errors.getOrDefault(field, List.of());
    }

    /** {@code "true"} on a field with errors, else null so the attribute is left out. */
    public String invalid(String field) {
      return errors.containsKey(field) ? "true" : null;
    }

    public String describedBy(String field) {
      return errors.containsKey(field) ? field + "-error" : null;
    }
  }

  /** The Edit form's fields as typed (empty for none). */
  public record Form(String name, String email, String phone, String externalId) {
    static Form of(Contact c) {
      return new Form(orEmpty(c.name()), orEmpty(c.email()), orEmpty(c.phone()), orEmpty(c.externalId()));
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  /** One of the contact's tickets. */
  public record TicketLine(String id, String subject, String status, String updated) {}

  /** desk/contact_delete.jte: "are you sure?" before a contact's personal data is erased. */
  public record Delete(DeskChrome chrome, Contact contact) {}
}
