package io.pinrepo.mirror;

import io.pinrepo.spi.ObjectKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a mirror reported, as lines such as {@code copied eu files/a}. */
final class RecordingMirrorListener implements MirrorListener {

  private final List<String> events = new CopyOnWriteArrayList<>();

  List<String> events() {
    return List.copyOf(events);
  }

  @Override
  public void copied(ObjectKey key, String region, long bytes, Duration took, boolean serverSide) {
    events.add("copied " + region + " " + key + (serverSide ? " server-side" : " streamed"));
  }

  @Override
  public void verificationFailed(ObjectKey key, String region, CopyVerificationException cause) {
    events.add("failed " + region + " " + key);
  }

  @Override
  public void leaseTakenOver(ObjectKey key, String region) {
    events.add("taken over " + region + " " + key);
  }

  @Override
  public void digestsRefreshed(int objects, Duration took) {
    events.add("marked " + objects);
  }
}
