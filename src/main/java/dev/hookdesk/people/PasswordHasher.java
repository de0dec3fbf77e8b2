package dev.hookdesk.people;

import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt at cost 12, from spring-security-crypto (maintained, no dependencies of its own; its
 * {@code BCrypt} class is used directly because the encoder wrapper logs through
 * commons-logging, which this project does not ship). A password is hashed or checked here and
 * nowhere else, and never logged.
 */
final class PasswordHasher {
  private static final int COST = 12;
  private final SecureRandom random = new SecureRandom();
  /** Checked against when no account matches, so a wrong email takes as long as a wrong password. */
  private final String decoy = hash("not the password of anyone at all");

  String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(COST, random));
  }

  boolean matches(String password, String hash) {
    return BCrypt.checkpw(password, hash);
  }

  void spendTheSameTime(String password) {
    BCrypt.checkpw(password, decoy);
  }
}
