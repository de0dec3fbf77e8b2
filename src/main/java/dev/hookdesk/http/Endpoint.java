package dev.hookdesk.http;

/** A route's handler. */
@FunctionalInterface
public interface Endpoint {
  void handle(Call call) throws Exception;
}
