/**
 * Live chats (SPEC §3): a chat's life from creation and routing through messages,
 * participants, invitations, callbacks and closing to rating, with a {@code chat.*} event for
 * every change. Agent choice sits behind {@link dev.hookdesk.desk.chats.routing.ChatRouter}.
 */
package dev.hookdesk.desk.chats;
