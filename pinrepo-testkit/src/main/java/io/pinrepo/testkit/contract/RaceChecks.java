package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pinrepo.spi.ContentSource;
import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectKey;
import io.pinrepo.spi.ObjectStream;
import io.pinrepo.spi.PreconditionFailedException;
import io.pinrepo.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Concurrent conditional writers: exactly one wins. */
abstract class RaceChecks extends ContractChecks {

  RaceChecks(StorageContract contract) {
    super(contract);
  }

  @BeforeEach
  void onlyWithConditions() {
    assumeTrue(supportsConditionalWrites(), "the backend does not support conditions");
  }

  @Test
  @DisplayName("of N writers with must-be-absent exactly one wins, round after round")
  void exactlyOneMustBeAbsentWriterWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      ObjectKey target = key("race/absent-" + round);
      List<Race.Outcome> outcomes =
          Race.run(
              concurrentWriters(),
              writer ->
                  storage.write(target, writerContent(writer), WriteCondition.mustBeAbsent()));
      assertExactlyOneWinner(target, outcomes);
    }
  }

  @Test
  @DisplayName("of N writers matching the same token exactly one wins, round after round")
  void exactlyOneMatchingWriterWins() throws Exception {
    ObjectKey target = key("race/top");
    ObjectInfo current = put(target.value(), utf8("start"));
    for (int round = 0; round < 5; round++) {
      WriteCondition condition = WriteCondition.matches(current.versionToken());
      List<Race.Outcome> outcomes =
          Race.run(
              concurrentWriters(),
              writer -> storage.write(target, writerContent(writer), condition));
      current = assertExactlyOneWinner(target, outcomes);
    }
  }

  @Test
  @DisplayName("read-modify-write increments with retries lose no update")
  void incrementsLoseNoUpdate() throws Exception {
    ObjectKey counter = key("race/counter");
    put(counter.value(), utf8("0"));
    int perWriter = 5;

    List<Race.Outcome> outcomes =
        Race.run(
            concurrentWriters(),
            writer -> {
              for (int done = 0; done < perWriter; ) {
                try (ObjectStream in = storage.read(counter)) {
                  long value =
                      Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                  storage.write(
                      counter,
                      ContentSource.ofUtf8(Long.toString(value + 1)),
                      WriteCondition.matches(in.info().versionToken()));
                  done++;
                } catch (PreconditionFailedException lost) {
                  // another writer incremented first: read again
                }
              }
              return null;
            });

    outcomes.forEach(o -> assertEquals(Optional.empty(), o.failure(), "writer failed"));
    assertEquals(
        Long.toString((long) concurrentWriters() * perWriter),
        new String(get(counter.value()), StandardCharsets.UTF_8));
  }

  private ContentSource writerContent(int writer) {
    return ContentSource.ofBytes(random(1000 + writer, writer));
  }

  private ObjectInfo assertExactlyOneWinner(ObjectKey target, List<Race.Outcome> outcomes)
      throws IOException {
    List<Race.Outcome> winners = outcomes.stream().filter(Race.Outcome::won).toList();
    assertEquals(1, winners.size(), "winners: " + winners);
    for (Race.Outcome o : outcomes) {
      if (!o.won()) {
        assertTrue(
            o.failure().orElseThrow() instanceof PreconditionFailedException,
            "a loser failed otherwise: " + o.failure());
      }
    }
    Race.Outcome winner = winners.get(0);
    byte[] expected = random(1000 + winner.writer(), winner.writer());
    assertArrayEquals(expected, get(target.value()));
    ObjectInfo stat = storage.stat(target).orElseThrow();
    assertEquals(winner.info().versionToken(), stat.versionToken());
    return stat;
  }
}
