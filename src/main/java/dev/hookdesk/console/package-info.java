/**
 * The admin console at {@code /console} (SPEC §7): sign-in with an admin token into a
 * server-side session, CSRF-protected forms, and Settings → Webhooks with its tabs. Pages
 * are JTE templates (src/main/jte/console) precompiled into this package, with htmx.
 */
package dev.hookdesk.console;
