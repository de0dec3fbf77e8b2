/**
 * The admin console at {@code /console} (SPEC §7): sign-in with an admin token into a
 * server-side session, CSRF-protected forms, Settings → Webhooks with its tabs, the add/edit
 * forms, each webhook's page and each delivery's page. It owns no webhook or delivery data: it
 * calls the registry's {@code WebhookManagement} and the delivery log's services. Pages
 * are JTE templates (src/main/jte/console) precompiled into this package, with htmx.
 */
package dev.hookdesk.console;
