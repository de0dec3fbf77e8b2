/**
 * Integration apps (SPEC §8): apps registered once with client credentials ({@code apps}),
 * installed into workspaces through the OAuth 2.0 authorization-code grant with PKCE
 * ({@code app_installations}, {@code oauth_codes}, {@code oauth_tokens}), installation tokens
 * limited to granted scopes, and the per-workspace switch of the app's webhooks
 * ({@code app_webhook_states}); where the bots an app created are called (its bot webhook), and
 * what a workspace admin does with apps in Settings → Apps. The webhooks themselves, their deliveries and signing are the
 * webhooks and delivery packages'.
 */
package dev.hookdesk.apps;
