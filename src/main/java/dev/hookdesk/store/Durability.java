package dev.hookdesk.store;

/**
 * What a node waits for after a write commits and before anyone is told about it (an HTTP
 * answer, a webhook request): that the write survives the process being killed.
 */
interface Durability extends AutoCloseable {

  /** PostgreSQL: a commit returns once its WAL is flushed; there is nothing left to wait for. */
  Durability AT_COMMIT = new Durability() {
    @Override
    public void awaitWritesSoFar() {
    }

    @Override
    public void close() {
    }
  };

  /** Returns once every write committed before this call is stored. */
  void awaitWritesSoFar();

  @Override
  void close();
}
