/**
 * Tickets (SPEC §3): opening, replies and internal comments, assignment to agents and teams,
 * classification, queues and the life cycle (close, spam, trash, archive), each change
 * committed together with its {@code ticket.*} event; and the desk's reads of them (views,
 * counts, search) and which actions a ticket's state allows.
 */
package dev.hookdesk.desk.tickets;
