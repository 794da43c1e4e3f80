#!/usr/bin/env python3
"""Splits one CLI run's wall time into phases, from a JFR recording and a class-load log.

usage: scripts/phases.py RECORDING.jfr... --plain CLASSLOAD.log... [--wall SECONDS...]

Made by scripts/profile-cli.sh, which runs the CLI once with
  -XX:StartFlightRecording:filename=R.jfr,settings=scripts/samples.jfc
and once more without JFR, which starts slower and perturbs class loading, with
  -Xlog:class+load:file=C.log:uptimenanos
A phase starts at the first 1 ms execution or native-method sample of the main thread whose stack holds the
phase's marker frame and ends where the next phase starts, so time the thread spends in the VM
(class loading, linking, interpreter calls, where no sample is taken) is charged to the phase
that was running. 'JVM start' is the uptime at which the CLI's main class was loaded in the
runs without JFR, 'wall' their whole time. Prints medians in ms, and the classes loaded per family.
"""
import collections
import json
import statistics
import subprocess
import sys
from datetime import datetime

# (phase, marker frame prefix): a sample belongs to the first phase in this list whose marker is
# anywhere in its stack, so nested markers (signing inside the legacy writes) come first.
MARKERS = [
    ("key loading (Bouncy Castle)", "io.pinrepo.sign.PgpSigner.load"),
    ("sign InRelease", "io.pinrepo.sign.PgpSigner.clearSign"),
    ("sign Release.gpg", "io.pinrepo.sign.PgpSigner.detachedSignature"),
    ("deb read + digest", "io.pinrepo.debian.DebPackage.read"),
    ("pool upload", "io.pinrepo.debian.AptRepository.upload"),
    ("read Release", "io.pinrepo.debian.DistState.read"),
    ("read Packages + SHA-256 check", "io.pinrepo.debian.DistState.packagesBytes"),
    ("Packages parse", "io.pinrepo.debian.PackagesIndex.parse"),
    ("edit", "io.pinrepo.debian.PublishEdit.apply"),
    ("Packages render", "io.pinrepo.debian.PackagesIndex.render"),
    ("gzip", "io.pinrepo.debian.IndexCompression.files"),
    ("by-hash writes", "io.pinrepo.debian.DistCommit.putByHash"),
    ("superseded record", "io.pinrepo.debian.DistCommit.recordSuperseded"),
    ("legacy writes", "io.pinrepo.debian.DistCommit.writeLegacy"),
    ("commit write", "io.pinrepo.commit.Top.replace"),
    ("maven deploy", "io.pinrepo.maven.MavenDeployer.deploy"),
    ("pypi publish", "io.pinrepo.pypi.PypiRepository.publish"),
]
# what else the commit attempt does: digests of the new index files, Release rendering
DIGESTS = ("index digests", "io.pinrepo.hash.Digests.of")
ATTEMPT = ("other commit work", "io.pinrepo.debian.DistCommit.attempt")
MAIN_CLASS = "io.pinrepo.cli.Pinrepo "


def instant(text):
    # 2026-12-03T06:40:12.345678901Z -> seconds (nanoseconds kept to microseconds)
    date, frac = text.rstrip("Z").split(".") if "." in text else (text.rstrip("Z"), "0")
    return datetime.fromisoformat(date).timestamp() + float("0." + frac)


def samples(recording):
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample",
         recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    result = []
    for e in events:
        v = e["values"]
        if v["sampledThread"]["javaName"] != "main":
            continue
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in v["stackTrace"]["frames"]]
        result.append((instant(v["startTime"]), list(reversed(frames))))  # root first
    return sorted(result)


def phase_of(frames):
    for phase, marker in MARKERS:
        if marker in frames:
            return phase
    if ATTEMPT[1] in frames:
        return DIGESTS[0] if DIGESTS[1] in frames else ATTEMPT[0]
    return None


def class_log(path):
    main_at = None
    families = collections.Counter()
    last = 0.0
    for line in open(path, encoding="utf-8", errors="replace"):
        # [123456789ns] java.lang.Object source: shared objects file
        if not line.startswith("["):
            continue
        stamp, rest = line[1:].split("]", 1)
        at = int(stamp.rstrip("ns")) / 1e9
        last = max(last, at)
        name = rest.strip().split(" ")[0]
        if main_at is None and rest.strip().startswith(MAIN_CLASS.strip() + " "):
            main_at = at
        shared = "shared objects file" in rest
        family = ".".join(name.split(".")[:2]) if not name.startswith("io.pinrepo") else \
            ".".join(name.split(".")[:3])
        families[(family, shared)] += 1
    return main_at, families, last


def phases(recording):
    result = collections.OrderedDict()
    spans = []
    for at, frames in samples(recording):
        p = phase_of(frames)
        if p is None and not spans and any(f.startswith("picocli.") for f in frames):
            p = "CLI parse (picocli)"
        if p is None:
            continue
        if not spans or spans[-1][0] != p:
            spans.append([p, at, at])
        else:
            spans[-1][2] = at
    for i, (p, start, end) in enumerate(spans):
        stop = spans[i + 1][1] if i + 1 < len(spans) else end
        result[p] = result.get(p, 0.0) + (stop - start) * 1000
    return result


def main(args):
    if "--plain" not in args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    recordings = args[:args.index("--plain")]
    rest = args[args.index("--plain") + 1:]
    logs = rest[:rest.index("--wall")] if "--wall" in rest else rest
    walls = [float(w) * 1000 for w in rest[rest.index("--wall") + 1:]] if "--wall" in rest else []
    per_phase = collections.OrderedDict()
    for rec in recordings:
        for p, ms in phases(rec).items():
            per_phase.setdefault(p, []).append(ms)
    starts, fams = [], None
    for log in logs:
        main_at, fams, _ = class_log(log)
        starts.append(main_at * 1000)
    print(f"{'phase':34} {'median ms':>10}")
    if walls:
        print(f"{'wall, without JFR':34} {statistics.median(walls):10.0f}")
    print(f"{'JVM start to main class':34} {statistics.median(starts):10.0f}")
    for p, values in per_phase.items():
        values += [0.0] * (len(recordings) - len(values))
        print(f"{p:34} {statistics.median(values):10.0f}")
    print()
    print("classes loaded (last run without JFR), by family: total (from the CDS archive)")
    totals = collections.Counter()
    for (family, shared), count in fams.items():
        totals[family] += count
    for family, count in totals.most_common(12):
        print(f"  {family:40} {count:6d}  ({fams[(family, True)]})")
    print(f"  {'total':40} {sum(totals.values()):6d}  ({sum(c for (f, sh), c in fams.items() if sh)})")


if __name__ == "__main__":
    main(sys.argv[1:])
