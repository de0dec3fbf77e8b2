package dev.hookdesk.http;

/** A feature's HTTP routes, registered once at start-up. */
public interface Routes {
  void register(Router router);
}
