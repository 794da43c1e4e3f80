/**
 * Downloading a build into a directory, verified file by file before anything is moved into place:
 * {@link io.pinrepo.build.fetch.BuildFetcher}.
 */
package io.pinrepo.build.fetch;
