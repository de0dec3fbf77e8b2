/**
 * The event catalog: every event type with its JSON Schema (2020-12) and a sample, and how a
 * person triggers each ({@code triggers.json}).
 */
package dev.hookdesk.events.catalog;
