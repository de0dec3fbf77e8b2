/**
 * The API described (SPEC §11): the OpenAPI 3.1 document of every {@code /api/v1} route, the
 * AsyncAPI 3 document of every webhook event, and the {@code /docs} page that shows them.
 * Operations come from {@code api/*.json}; who may call each comes from the routes the node
 * actually registered; event schemas come from the event catalog.
 */
package dev.hookdesk.docs;
