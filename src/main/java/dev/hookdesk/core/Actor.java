package dev.hookdesk.core;

import java.util.Objects;

/** Who caused an event: {@code type} agent|contact|app|system, and how ({@code via}). */
public record Actor(String type, String id, String via) {
  public Actor {
    Objects.requireNonNull(type);
    Objects.requireNonNull(via);
  }

  public static Actor system() {
    return new Actor("system", null, "system");
  }

  /** The same caller, seen as a named author (a contact or agent writing a reply). */
  public Actor as(String authorType, String authorId) {
    return new Actor(authorType, authorId, via);
  }
}
