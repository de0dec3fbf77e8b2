/**
 * The built-in request inspector (SPEC §7): bins that catch any request sent to
 * {@code /inspect/{bin_id}}, keep the last 100, and show them live in the console with
 * whether their Standard Webhooks signature verifies.
 */
package dev.hookdesk.inspector;
