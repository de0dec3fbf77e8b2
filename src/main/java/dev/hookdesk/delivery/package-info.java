/**
 * The delivery engine (SPEC §5 "Delivery rules"): fan-out of committed events to one
 * delivery per matching webhook, bot calls queued with the chat events that cause them (SPEC §6),
 * the leased queue several nodes share, retries, per-receiver isolation and circuit breaking,
 * the attempt log and its API. {@code DeliveryRecords} is the one writer of the delivery tables.
 */
package dev.hookdesk.delivery;
