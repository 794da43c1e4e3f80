/** pinrepo's shared vocabulary: the exceptions every format module throws. */
package io.pinrepo;
