/**
 * The admin console at {@code /console} (SPEC §7): sign-in with an admin token into a
 * server-side session, CSRF-protected forms, Settings → Webhooks with its tabs, the add/edit
 * forms, each webhook's page and each delivery's page, Settings → Apps and Settings → Agents;
 * and the sessions of every browser page, whose live streams end with them. It owns only the
 * sessions: webhooks, deliveries, apps, agents and invitations are changed through their owners'
 * services ({@code WebhookManagement}, {@code AgentManagement}, {@code People} …). Pages are JTE
 * templates (src/main/jte/console) precompiled into this package, with htmx.
 */
package dev.hookdesk.console;
