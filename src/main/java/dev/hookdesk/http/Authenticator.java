package dev.hookdesk.http;

import java.util.Optional;

/** Turns a bearer token into its principal, if the token is known and not revoked. */
public interface Authenticator {
  Optional<Principal> authenticate(String token);
}
