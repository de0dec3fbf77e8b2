package dev.hookdesk.store;

import java.util.Map;

/**
 * What differs between the embedded H2 database and PostgreSQL. Everything else is written
 * in the SQL subset both run.
 */
public interface Dialect {

  String name();

  /** Column types substituted into migrations as Flyway placeholders ({@code ${json}}). */
  Map<String, String> placeholders();

  /** Whether the database can push notifications to other nodes (PostgreSQL LISTEN/NOTIFY). */
  boolean supportsNotify();

  static Dialect forUrl(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:postgresql:") ? new PostgresDialect() : new H2Dialect();
  }
}
