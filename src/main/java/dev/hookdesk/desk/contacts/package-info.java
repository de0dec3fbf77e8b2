/**
 * Contacts: customers, their details ({@code PATCH}, {@code contact.updated}), blocking,
 * deletion and email subscription, and the summary other snapshots embed (a ticket's requester).
 */
package dev.hookdesk.desk.contacts;
