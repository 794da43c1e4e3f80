/**
 * The values of version pointers: a {@link io.pinrepo.build.pointer.PointerName}, the {@link
 * io.pinrepo.build.pointer.PointerChange changes} its history records, its {@link
 * io.pinrepo.build.pointer.PointerState state} as read, a requested {@link
 * io.pinrepo.build.pointer.PointerUpdate update}, and the documents' bytes ({@link
 * io.pinrepo.build.pointer.PointerJson}). Reading and setting pointers is {@code
 * io.pinrepo.build.Pointers}.
 */
package io.pinrepo.build.pointer;
