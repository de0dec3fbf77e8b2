/**
 * Who takes a chat: the {@link dev.hookdesk.desk.chats.routing.ChatRouter} seam and the
 * built-in least-busy routing. Decision webhooks and bots plug in here.
 */
package dev.hookdesk.desk.chats.routing;
