/**
 * The delivery engine (SPEC §5 "Delivery rules"): fan-out of committed events to one
 * delivery per matching webhook, the leased queue several nodes share, retries with the
 * webhook's schedule, per-webhook isolation and circuit breaking, the attempt log and its API.
 */
package dev.hookdesk.delivery;
