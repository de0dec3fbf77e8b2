/** The event catalog: every event type with its JSON Schema (2020-12) and a sample. */
package dev.hookdesk.events.catalog;
