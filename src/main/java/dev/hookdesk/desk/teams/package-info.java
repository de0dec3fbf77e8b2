/** Teams: named groups of agents that tickets can be handed to. */
package dev.hookdesk.desk.teams;
