/**
 * The event log (SPEC §4): events appended in the transaction of the change that caused
 * them, numbered per workspace, queued for fan-out, and readable through the API.
 */
package dev.hookdesk.events;
