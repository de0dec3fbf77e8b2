/**
 * The HTTP edge: server set-up, token authentication and roles, JSON input reading,
 * pagination, and the mapping of domain errors to problem+json.
 */
package dev.hookdesk.http;
