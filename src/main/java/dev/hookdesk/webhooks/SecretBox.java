package dev.hookdesk.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM. The key is SHA-256 of
 * {@code HOOKDESK_SECRET_KEY}, or of a random key generated into {@code <data dir>/secret-key}
 * on first start. The webhook id is the associated data, so a ciphertext copied onto
 * another webhook's row does not decrypt.
 */
public final class SecretBox {
  private static final String VERSION = "v1:";
  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(String keyText) {
    try {
      byte[] k = MessageDigest.getInstance("SHA-256").digest(keyText.getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(k, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The configured key, else the one in the data dir, generated there when absent. */
  public static SecretBox open(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) return new SecretBox(configured.get());
    Path file = dataDir.resolve("secret-key");
    try {
      if (!Files.exists(file)) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n",
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
      }
      return new SecretBox(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  public String seal(String webhookId, String secret) {
    try {
      byte[] iv = new byte[12];
      random.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      c.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] all = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, all, 0, iv.length);
      System.arraycopy(sealed, 0, all, iv.length, sealed.length);
      return VERSION + Base64.getEncoder().encodeToString(all);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a webhook secret", e);
    }
  }

  public String open(String webhookId, String stored) {
    if (!stored.startsWith(VERSION)) throw new IllegalStateException("unknown secret format");
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      c.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // The message names the likely cause, never the secret.
      throw new IllegalStateException("cannot decrypt the secret of " + webhookId
          + "; was HOOKDESK_SECRET_KEY changed since it was stored?", e);
    }
  }
}
