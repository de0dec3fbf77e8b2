package dev.hookdesk.console;

import java.util.Objects;

/**
 * What every console page's frame shows: its title, which section is current, and — when
 * signed in — the session's CSRF token and who is signed in.
 *
 * @param section "webhooks", "apps", "agents", "inspector" or "" for pages outside the navigation
 * @param csrf the token every form and htmx request sends back; empty when signed out
 */
public record Chrome(String title, String section, String csrf, String signedInAs) {
  public Chrome {
    Objects.requireNonNull(title);
    Objects.requireNonNull(section);
    Objects.requireNonNull(csrf);
    Objects.requireNonNull(signedInAs);
  }

  /** The section of a page that refuses a signed-in person: it shows no Settings navigation. */
  public static final String DENIED = "denied";

  public static Chrome signedOut(String title, String csrf) {
    return new Chrome(title, "", csrf, "");
  }

  public boolean signedIn() {
    return !signedInAs.isEmpty();
  }

  /** Whether the frame shows the Settings navigation. */
  public boolean settings() {
    return signedIn() && !DENIED.equals(section);
  }

  /** {@code "page"} for the current navigation link, else null so the attribute is left out. */
  public String current(String s) {
    return section.equals(s) ? "page" : null;
  }
}
