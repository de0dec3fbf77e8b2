package dev.hookdesk.inspector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One request caught by a bin: what arrived, and the body as kept (at most 64 KiB of it). */
record Capture(Summary about, byte[] body) {

  record Header(String name, String value) {}

  /** A capture without its body: what lists show. {@code bodySize} is what arrived. */
  record Summary(String id, String binId, Instant receivedAt, String method, String path,
      String query, String remoteAddr, List<Header> headers, long bodySize, boolean truncated,
      boolean bodyBase64) {
    Summary {
      Objects.requireNonNull(id);
      Objects.requireNonNull(method);
      headers = List.copyOf(headers);
    }
  }

  Capture {
    Objects.requireNonNull(about);
    Objects.requireNonNull(body);
  }

  String id() {
    return about.id();
  }

  Instant receivedAt() {
    return about.receivedAt();
  }

  List<Header> headers() {
    return about.headers();
  }

  /** The first value of a header, by case-insensitive name. */
  Optional<String> header(String name) {
    return about.headers().stream().filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value).findFirst();
  }
}
