package dev.hookdesk.core;

import java.util.List;

/**
 * The one hierarchy of domain errors; {@code http.Problems} maps each to an RFC 9457 answer.
 */
public abstract sealed class DomainException extends RuntimeException
    permits DomainException.NotFound, DomainException.Conflict, DomainException.Invalid,
        DomainException.Unauthorized, DomainException.Forbidden, DomainException.TooLarge,
        DomainException.Busy {

  private final int status;
  private final String title;

  DomainException(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return List.of();
  }

  public record FieldError(String field, String message) {}

  public static final class NotFound extends DomainException {
    public NotFound(String what, String id) {
      super(404, "Not found", what + " " + id + " does not exist");
    }
  }

  public static final class Conflict extends DomainException {
    private final List<FieldError> errors;

    public Conflict(String detail) {
      super(409, "Conflict", detail);
      this.errors = List.of();
    }

    /** A conflict one input field causes (a value another resource already holds). */
    public Conflict(String detail, FieldError error) {
      super(409, "Conflict", detail);
      this.errors = List.of(error);
    }

    @Override
    public List<FieldError> errors() {
      return errors;
    }
  }

  public static final class Invalid extends DomainException {
    private final List<FieldError> errors;

    public Invalid(List<FieldError> errors) {
      this(422, "Invalid request", errors);
    }

    private Invalid(int status, String title, List<FieldError> errors) {
      super(status, title, summary(errors));
      this.errors = List.copyOf(errors);
    }

    public Invalid(String field, String message) {
      this(List.of(new FieldError(field, message)));
    }

    /** Input that could not be read at all, such as malformed JSON. */
    public static Invalid unreadable(String detail) {
      return new Invalid(400, "Bad request", List.of(new FieldError("body", detail)));
    }

    @Override
    public List<FieldError> errors() {
      return errors;
    }

    private static String summary(List<FieldError> errors) {
      if (errors.isEmpty()) {
        return "The request is invalid";
      }
      FieldError first = errors.get(0);
      String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
      return first.field() + ": " + first.message() + more;
    }
  }

  public static final class Unauthorized extends DomainException {
    public Unauthorized(String detail) {
      super(401, "Unauthorized", detail);
    }
  }

  public static final class Forbidden extends DomainException {
    public Forbidden(String detail) {
      super(403, "Forbidden", detail);
    }
  }

  public static final class TooLarge extends DomainException {
    public TooLarge(String detail) {
      super(413, "Payload too large", detail);
    }
  }

  /** 503: the node refuses work it cannot take soon; the client may retry after the given time. */
  public static final class Busy extends DomainException {
    private final long retryAfterSeconds;

    public Busy(String detail, long retryAfterSeconds) {
      super(503, "Service unavailable", detail);
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
