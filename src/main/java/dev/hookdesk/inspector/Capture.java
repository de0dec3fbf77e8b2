package dev.hookdesk.inspector;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One request caught by a bin, as it arrived: headers in order and the raw body. */
record Capture(String id, String binId, Instant receivedAt, String method, String path,
    String query, String remoteAddr, List<Header> headers, byte[] body) {

  record Header(String name, String value) {}

  Capture {
    Objects.requireNonNull(id);
    Objects.requireNonNull(method);
    headers = List.copyOf(headers);
    Objects.requireNonNull(body);
  }

  /** The first value of a header, by case-insensitive name. */
  Optional<String> header(String name) {
    return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }
}
