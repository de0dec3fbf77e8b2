/** The help desk (SPEC §3): agents, contacts, sources, tickets and chats. */
package dev.hookdesk.desk;
