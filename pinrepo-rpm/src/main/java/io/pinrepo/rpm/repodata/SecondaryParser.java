package io.pinrepo.rpm.repodata;

import io.pinrepo.MalformedPackageException;
import io.pinrepo.rpm.header.ChangelogEntry;
import io.pinrepo.rpm.header.PackageFile;
import java.util.ArrayList;
import java.util.List;

/** Reads one {@code <package>} of {@code filelists.xml} or {@code other.xml} back. */
final class SecondaryParser {
  private SecondaryParser() {}

  record Files(Identity identity, List<PackageFile> files) {}

  record Changelogs(Identity identity, List<ChangelogEntry> changelogs) {}

  static Files files(XmlCursor c) throws MalformedPackageException {
    int depth = c.depth();
    Identity identity = Identity.read(c, depth);
    List<PackageFile> files = new ArrayList<>();
    for (String child = c.next(depth); child != null; child = c.next(depth)) {
      if (child.equals("file")) {
        files.add(PrimaryParser.file(c));
      }
    }
    return new Files(identity, files);
  }

  static Changelogs changelogs(XmlCursor c) throws MalformedPackageException {
    int depth = c.depth();
    Identity identity = Identity.read(c, depth);
    List<ChangelogEntry> changelogs = new ArrayList<>();
    for (String child = c.next(depth); child != null; child = c.next(depth)) {
      if (child.equals("changelog")) {
        long date = c.number("date");
        String author = c.attribute("author");
        changelogs.add(new ChangelogEntry(date, author, c.text()));
      }
    }
    return new Changelogs(identity, changelogs);
  }
}
