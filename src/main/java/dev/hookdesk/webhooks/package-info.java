/**
 * Webhook subscriptions (SPEC §5): the registry and its API, secrets (encrypted at rest,
 * rotated with a grace period), Standard Webhooks signing, payload redaction, and test
 * sends. The delivery engine uses {@link dev.hookdesk.webhooks.WebhookDirectory},
 * {@link dev.hookdesk.webhooks.PayloadRenderer} and {@link dev.hookdesk.webhooks.SignedRequest}.
 */
package dev.hookdesk.webhooks;
