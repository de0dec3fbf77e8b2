/**
 * The small shared kernel: domain errors, ids, the JSON conventions of the API, and the
 * {@link Actor} every change is made by (the HTTP layer names it, events record it).
 */
package dev.hookdesk.core;
