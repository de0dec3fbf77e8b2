/** Agents: people and bots who take chats and tickets, with status and capacity. */
package dev.hookdesk.desk.agents;
