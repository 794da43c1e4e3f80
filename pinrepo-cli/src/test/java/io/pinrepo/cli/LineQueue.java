package io.pinrepo.cli;

import java.io.Writer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A writer that hands each complete line to a queue, so a test can wait for a command's output. */
final class LineQueue extends Writer {
  private final StringBuilder partial = new StringBuilder();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  @Override
  public synchronized void write(char[] chars, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (chars[i] == '\n') {
        lines.add(partial.toString());
        partial.setLength(0);
      } else {
        partial.append(chars[i]);
      }
    }
  }

  /** Waits for the next line. */
  String take() throws InterruptedException {
    return lines.take();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
