package dev.hookdesk.webhooks.send;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What one request produced.
 *
 * @param status the HTTP status, or 0 when no response arrived (see {@code error})
 * @param responseHeaders what the receiver sent, bounded (see {@link LimitedResponse}); repeated
 *     names joined with ", "
 * @param body at most 64 KiB of the response body, as the receiver sent it (parse this)
 * @param error why no (acceptable) response arrived: timeout, refused, egress, tls…; null if one did
 * @param retryAfter the receiver's Retry-After on 429/503, if it sent one
 */
public record AttemptResult(int status, Map<String, String> responseHeaders, byte[] body,
    long durationMillis, String error, Optional<Duration> retryAfter) {

  public boolean success() {
    return error == null && status >= 200 && status < 300;
  }

  /** The body to show and store: {@link ReceiverText}, so nothing the receiver sent is lost or hidden. */
  public String responseBody() {
    return ReceiverText.of(body);
  }
}
