/**
 * Bot agents (SPEC §6): their signing secret and the sources they take first, routing that
 * prefers a bot for a new chat, and the dispatcher that sends a bot the events of its chats
 * and acts on its answer (replies, handoff to a human).
 */
package dev.hookdesk.bots;
