/** Chat sources (website, mobile_app, email…), which chats carry and webhooks filter on. */
package dev.hookdesk.desk.sources;
