/** The {@code pinrepo} command line, a thin layer over the library's public API. */
package io.pinrepo.cli;
