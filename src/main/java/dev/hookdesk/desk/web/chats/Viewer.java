package dev.hookdesk.desk.web.chats;

import dev.hookdesk.console.ConsoleSession;
import dev.hookdesk.core.Actor;
import dev.hookdesk.core.DomainException.Forbidden;

/** The signed-in agent working the chat console, and the CSRF token of their forms. */
record Viewer(String workspaceId, String agentId, boolean admin, Actor actor, String csrf) {

  static Viewer of(ConsoleSession s) {
    String agent = s.principal().agentId().orElseThrow(() -> new Forbidden("The chat console is "
        + "for agents: sign in with your email and password, or with a token bound to an agent."));
    return new Viewer(s.workspaceId(), agent, s.isAdmin(), s.actor(), s.csrf());
  }
}
