package dev.hookdesk.people;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt from spring-security-crypto (maintained, and no dependencies of its own), at cost 12.
 * A password is hashed or checked here and nowhere else, and never logged.
 */
final class PasswordHasher {
  private static final int COST = 12;
  private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(COST);
  /** Checked against when no account matches, so a wrong email takes as long as a wrong password. */
  private final String decoy = bcrypt.encode("not the password of anyone at all");

  String hash(String password) {
    return bcrypt.encode(password);
  }

  boolean matches(String password, String hash) {
    return bcrypt.matches(password, hash);
  }

  void spendTheSameTime(String password) {
    bcrypt.matches(password, decoy);
  }
}
