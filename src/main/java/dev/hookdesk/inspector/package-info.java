/**
 * The built-in request inspector (SPEC §7): bins that catch any request sent to
 * {@code /inspect/{bin_id}}, keep the last 100 (at most 5 MiB, 64 KiB of each body), and show
 * them live in the console with whether their Standard Webhooks signature verifies. The
 * capture URL is public, so it is rate-limited per client address and per bin.
 */
package dev.hookdesk.inspector;
