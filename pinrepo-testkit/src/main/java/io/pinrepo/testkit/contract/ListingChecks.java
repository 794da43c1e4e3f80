package io.pinrepo.testkit.contract;

import static io.pinrepo.testkit.contract.Contents.random;
import static io.pinrepo.testkit.contract.Contents.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pinrepo.spi.ObjectInfo;
import io.pinrepo.spi.ObjectListing;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Listing by prefix: order, pages, prefixes that are not directories. */
abstract class ListingChecks extends ContractChecks {

  ListingChecks(StorageContract contract) {
    super(contract);
  }

  @Test
  @DisplayName("lists every key across several pages in lexicographic order")
  void listsAcrossPagesInOrder() throws IOException {
    int count = listingPageSize() * 3 + 3;
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add("many/" + i); // unpadded: many/10 sorts before many/2
    }
    for (String k : shuffled(expected)) {
      put(k, utf8(k));
    }
    put("man", utf8("before"));
    put("manz", utf8("after"));
    Collections.sort(expected);

    assertEquals(expected, keysUnder("many/"));
  }

  @Test
  @DisplayName("lists exactly one page's worth without a phantom entry")
  void listsExactlyOnePage() throws IOException {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < listingPageSize(); i++) {
      expected.add(String.format("page/%04d", i));
      put(expected.get(i), utf8("x"));
    }

    try (ObjectListing listing = storage.list("page/")) {
      List<String> seen = new ArrayList<>();
      while (listing.hasNext()) {
        seen.add(listing.next().key().value());
      }
      assertEquals(expected, seen);
      assertFalse(listing.hasNext());
      assertThrows(NoSuchElementException.class, listing::next);
    }
  }

  @Test
  @DisplayName("orders tricky keys by code unit: a-b, a.b, a/x, a0 and beyond ASCII")
  void ordersTrickyKeys() throws IOException {
    List<String> keys =
        new ArrayList<>(
            List.of(
                "a-b", "a/x", "a.b", "a0", "a b", "a+b", "ab", "aé", "a日", "A", "Z", "é", "~",
                "a/x-y", "a/w"));
    for (String k : shuffled(keys)) {
      put(k, utf8(k));
    }
    Collections.sort(keys);

    assertEquals(keys, keysUnder(""));
  }

  @Test
  @DisplayName("a prefix need not end at a segment boundary")
  void prefixIsAPlainStringPrefix() throws IOException {
    for (String k :
        List.of(
            "dists/stable/InRelease",
            "dists/stable-updates/InRelease",
            "dists/stablex",
            "dists/stabl",
            "dists/testing/InRelease")) {
      put(k, utf8(k));
    }

    assertEquals(
        List.of("dists/stable-updates/InRelease", "dists/stable/InRelease", "dists/stablex"),
        keysUnder("dists/stable"));
    assertEquals(List.of("dists/stable/InRelease"), keysUnder("dists/stable/"));
    assertEquals(List.of("dists/stable/InRelease"), keysUnder("dists/stable/In"));
    assertEquals(List.of("dists/stable/InRelease"), keysUnder("dists/stable/InRelease"));
    assertEquals(5, keysUnder("dis").size());
    assertEquals(5, keysUnder("").size());
    assertEquals(List.of(), keysUnder("dists/unstable"));
    assertEquals(List.of(), keysUnder("nothing/"));
  }

  @Test
  @DisplayName("reports each object's size and current token")
  void reportsSizeAndToken() throws IOException {
    ObjectInfo a = put("info/a", random(10, 1));
    ObjectInfo b = put("info/b", new byte[0]);
    ObjectInfo c = put("info/c", random(70_000, 3));

    try (ObjectListing listing = storage.list("info/")) {
      List<ObjectInfo> listed = listing.toList();
      assertEquals(3, listed.size());
      for (int i = 0; i < 3; i++) {
        ObjectInfo expected = List.of(a, b, c).get(i);
        assertEquals(expected.key(), listed.get(i).key());
        assertEquals(expected.size(), listed.get(i).size());
        assertEquals(expected.versionToken(), listed.get(i).versionToken());
      }
    }
  }

  @Test
  @DisplayName("a listing closed halfway releases cleanly")
  void listingClosedHalfway() throws IOException {
    for (int i = 0; i < listingPageSize() * 2; i++) {
      put("half/" + i, utf8("x"));
    }

    try (ObjectListing listing = storage.list("half/")) {
      assertTrue(listing.hasNext());
      listing.next();
    }
    assertEquals(listingPageSize() * 2, keysUnder("half/").size());
  }

  private List<String> shuffled(List<String> keys) {
    List<String> copy = new ArrayList<>(keys);
    Collections.shuffle(copy, new Random(17));
    return copy;
  }
}
