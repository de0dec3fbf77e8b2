package dev.hookdesk.widget;

import dev.hookdesk.core.Actor;

/** Who a visitor token speaks for: a contact of one workspace, through one source. */
record Visitor(String sessionId, String workspaceId, String source, String contactId) {
  Actor actor() {
    return new Actor("contact", contactId, "widget");
  }
}
