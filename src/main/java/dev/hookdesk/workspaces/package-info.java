/** Workspaces, API tokens and their roles (SPEC §2), and the first-start bootstrap. */
package dev.hookdesk.workspaces;
