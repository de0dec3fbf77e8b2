/**
 * The delivery benchmark ({@code ./hookdesk bench}): a node in this JVM, a loopback receiver,
 * events fired through the HTTP API, and the no-database ceiling of the same HTTP client.
 */
package dev.hookdesk.bench;
