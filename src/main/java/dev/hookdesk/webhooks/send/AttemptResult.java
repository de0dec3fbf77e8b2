package dev.hookdesk.webhooks.send;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one request produced.
 *
 * @param status the HTTP status, or 0 when no response arrived (see {@code error})
 * @param responseBody at most 64 KiB of the response body
 * @param error why no (acceptable) response arrived: timeout, refused, egress, tls…; null if one did
 * @param retryAfter the receiver's Retry-After on 429/503, if it sent one
 */
public record AttemptResult(int status, Map<String, String> responseHeaders, String responseBody,
    long durationMillis, String error, Optional<Duration> retryAfter) {

  public boolean success() {
    return error == null && status >= 200 && status < 300;
  }
}
