/**
 * Bot agents (SPEC §6): their signing secret and the sources they take first, routing that
 * prefers a bot for a new chat, which bots hear a chat event (their calls are queued with it
 * and sent by the delivery engine), and what a bot's answer does (replies, handoff to a human).
 */
package dev.hookdesk.bots;
