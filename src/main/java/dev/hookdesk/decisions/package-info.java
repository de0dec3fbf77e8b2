/**
 * Decision webhooks (SPEC §6): asking the one enabled decision webhook of a chat's source
 * which agent takes the chat, within its timeout, and falling back to the built-in routing on
 * any other outcome. Every call is recorded in the delivery log; a failing service is skipped
 * for a cool-down. Also publishes the response schemas of decisions and bots.
 */
package dev.hookdesk.decisions;
