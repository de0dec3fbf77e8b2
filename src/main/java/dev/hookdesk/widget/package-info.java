/**
 * The chat widget (SPEC §10): {@code widget.js} and its demo page, and the visitor API under
 * {@code /widget/v1} with visitor tokens, origin checks per source, CORS, rate limits and the
 * chat's live stream. Every visitor action is the chat service's action, with the visitor's
 * contact as the actor ({@code via: "widget"}).
 */
package dev.hookdesk.widget;
