/** OpenPGP signing behind a small interface that an HSM, a KMS or gpg-agent can implement. */
package io.pinrepo.sign;
