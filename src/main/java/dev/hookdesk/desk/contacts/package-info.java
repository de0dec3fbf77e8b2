/** Contacts: customers, their blocking, deletion and email subscription. */
package dev.hookdesk.desk.contacts;
