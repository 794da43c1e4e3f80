/**
 * Named version pointers: {@link io.pinrepo.build.pointer.Pointers} reads and sets {@code (name,
 * pointer) -> version} by compare-and-swap with an append-only history, and {@link
 * io.pinrepo.build.pointer.PointerWatcher} lets a node poll one cheaply.
 */
package io.pinrepo.build.pointer;
