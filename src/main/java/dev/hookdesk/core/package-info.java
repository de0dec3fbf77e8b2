/** The small shared kernel: domain errors, ids and the JSON conventions of the API. */
package dev.hookdesk.core;
