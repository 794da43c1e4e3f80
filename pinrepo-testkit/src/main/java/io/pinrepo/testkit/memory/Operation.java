package io.pinrepo.testkit.memory;

/** The kinds of storage operation {@link InMemoryStorage} counts and can fail on purpose. */
public enum Operation {
  /** {@code stat}. */
  STAT,
  /** {@code read}. */
  READ,
  /** {@code write}. */
  WRITE,
  /** {@code delete}. */
  DELETE,
  /** One page fetched by a listing (a {@code list} call fetches its first page lazily). */
  LIST_PAGE,
  /** Any of the above: for fault injection that counts every operation. */
  ANY
}
