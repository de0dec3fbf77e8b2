/**
 * The desk in the browser (SPEC §9): {@code /sign-in}, the invitation page where a person
 * chooses a password, sign-out, {@code /desk}, and the contacts ({@code /desk/contacts}: list,
 * page, edit, block, delete, each the API's action with {@code via: "console"}). Sessions and CSRF are the console's
 * ({@link dev.hookdesk.console.ConsoleGate}); templates are under {@code src/main/jte/desk},
 * all framed by {@code desk/layout.jte}.
 */
package dev.hookdesk.desk.web;
