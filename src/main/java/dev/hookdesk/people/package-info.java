/**
 * People who sign in (SPEC §9): agents' passwords (bcrypt hashes), single-use invitation
 * links, the password rules, and the lock-out after repeated failed sign-ins. Owns the tables
 * {@code agent_passwords}, {@code agent_invitations} and {@code sign_in_failures}; sessions
 * are the console's, agents are desk/agents'.
 */
package dev.hookdesk.people;
