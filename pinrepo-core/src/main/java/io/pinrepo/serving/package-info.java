/**
 * How repository objects are served: the one mapping from key to Content-Type and Cache-Control
 * that the S3 backend, the development server and the nginx example share.
 */
package io.pinrepo.serving;
