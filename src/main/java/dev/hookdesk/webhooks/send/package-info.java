/**
 * Sending one webhook request: the HTTP client, its timeouts and limits, and the egress
 * guard that keeps webhooks off private networks.
 */
package dev.hookdesk.webhooks.send;
