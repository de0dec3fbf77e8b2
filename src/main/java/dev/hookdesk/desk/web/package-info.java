/**
 * The desk in the browser (SPEC §9): {@code /sign-in}, the invitation page where a person
 * chooses a password, sign-out, the ticket views at {@code /desk} with counts, search and
 * paging, New ticket, the ticket page whose controls call the API's own ticket actions, the
 * contacts ({@code /desk/contacts}: list, page, edit, block, delete), and {@code /desk/live},
 * the server-sent events that keep open pages current. Sessions and CSRF are the console's ({@link dev.hookdesk.console.ConsoleGate}); templates are under
 * {@code src/main/jte/desk}, all framed by {@code desk/layout.jte}.
 */
package dev.hookdesk.desk.web;
