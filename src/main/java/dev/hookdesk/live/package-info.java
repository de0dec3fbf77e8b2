/**
 * Committed events pushed live to subscribers (server-sent event streams): one reader per
 * workspace per node follows the event log and fans out in memory; commits on this node and
 * PostgreSQL NOTIFYs from other nodes only wake it, so nothing depends on a notification
 * arriving, and each subscriber gets each event once, in sequence order, resuming from the
 * last one it saw.
 */
package dev.hookdesk.live;
