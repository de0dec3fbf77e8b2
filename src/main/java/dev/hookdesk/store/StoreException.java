package dev.hookdesk.store;

/** The database cannot be reached or prepared; start-up stops with this message. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
