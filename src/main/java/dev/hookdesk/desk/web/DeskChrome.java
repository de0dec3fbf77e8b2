package dev.hookdesk.desk.web;

import dev.hookdesk.console.ConsoleSession;
import java.util.Objects;

/**
 * What {@code desk/layout.jte} shows around every desk page: the title, the current view, the
 * CSRF token of its forms, and who is signed in (empty when nobody is).
 *
 * @param view the current navigation entry, e.g. "tickets"; "" for none
 */
public record DeskChrome(String title, String view, String csrf, String name, String role,
    boolean admin) {
  public DeskChrome {
    Objects.requireNonNull(title);
    Objects.requireNonNull(view);
    Objects.requireNonNull(csrf);
    Objects.requireNonNull(name);
    Objects.requireNonNull(role);
  }

  public static DeskChrome signedOut(String title, String csrf) {
    return new DeskChrome(title, "", csrf, "", "", false);
  }

  public static DeskChrome of(ConsoleSession s, String title, String view) {
    return new DeskChrome(title, view, s.csrf(), s.name(), s.principal().role().key(), s.isAdmin());
  }

  public boolean signedIn() {
    return !name.isEmpty();
  }

  /** {@code "page"} for the current navigation link, else null so the attribute is left out. */
  public String current(String v) {
    return view.equals(v) ? "page" : null;
  }
}
