/**
 * The chat console of the desk (SPEC §10, "Chats"): the agent's status, waiting chats, their own
 * chats and invitations, and one chat's live conversation and actions. Every action calls the
 * chat and agent services the API calls, as the signed-in agent with {@code via: "console"};
 * the page follows the workspace's live events through one server-sent event stream.
 */
package dev.hookdesk.desk.web.chats;
