package io.pinrepo.commit;

/**
 * How the post-commit step ({@link OptimisticCommit.Operation#settle}) ended. In every case no
 * derived file is older than it was before: writes are conditional on the versions read before the
 * commit they render.
 */
public enum Settlement {
  /** Every derived file now renders the top this operation committed (or found), still current. */
  CURRENT,
  /**
   * A newer commit took over before the derived files were confirmed; its publisher writes them
   * from its own state, which supersedes this one.
   */
  SUPERSEDED,
  /** The top was deleted meanwhile: there is nothing to derive from. */
  TOP_GONE,
  /**
   * Other writers kept changing the derived files until the operation's retry budget ran out. The
   * commit stands; the derived files lag until the next change to this top repairs them.
   */
  GAVE_UP
}
