package dev.hookdesk.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: at least 12 characters, at most 72 bytes (bcrypt reads no further,
 * so a longer one would be cut silently), and not one of the commonly used passwords shipped in
 * {@code people/common-passwords.txt}.
 */
public final class PasswordRules {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_BYTES = 72;
  private static final String LIST = "people/common-passwords.txt";

  private final Set<String> common;

  public PasswordRules() {
    this.common = load();
  }

  /** What is wrong with a password, in words for the person choosing it; empty when it is fine. */
  public Optional<String> problem(String password) {
    if (password == null || password.isEmpty()) return Optional.of("Choose a password.");
    if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES
          + " letters without accents).");
    }
    if (common.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of("This password is one of the most commonly used; choose another.");
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(LIST)) {
      if (in == null) throw new IllegalStateException("missing resource " + LIST);
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) words.add(line.strip().toLowerCase(Locale.ROOT));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
