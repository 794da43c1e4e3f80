#!/usr/bin/env python3
"""Splits one CLI run's wall time into phases, from a JFR recording and a class-load log.

usage: scripts/phases.py RECORDING.jfr CLASSLOAD.log [RECORDING.jfr CLASSLOAD.log ...]

Made by scripts/profile-cli.sh, which runs the CLI with
  -XX:StartFlightRecording:filename=R.jfr,settings=scripts/samples.jfc
  -Xlog:class+load:file=C.log:uptimenanos
A phase starts at the first 1 ms execution sample of the main thread whose stack holds the
phase's marker frame and ends where the next phase starts, so time the thread spends in the VM
(class loading, linking, interpreter calls, where no sample is taken) is charged to the phase
that was running. 'JVM start' is the uptime at which the CLI's main class was loaded. Prints the
median over the recordings given, in ms, and the classes loaded (from the log) per package family.
"""
import collections
import json
import statistics
import subprocess
import sys
from datetime import datetime

# (phase, marker frame prefix); the first marker found walking a stack from its root wins.
MARKERS = [
    ("key loading (Bouncy Castle)", "io.pinrepo.sign.PgpSigner.load"),
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
    ("sign InRelease", "io.pinrepo.sign.PgpSigner.clearSign"),
    ("commit write", "io.pinrepo.commit.Top.replace"),
    ("sign Release.gpg", "io.pinrepo.sign.PgpSigner.detachedSignature"),
    ("legacy writes", "io.pinrepo.debian.DistCommit.writeLegacy"),
    # the same for the other formats' commands
    ("maven deploy", "io.pinrepo.maven.MavenDeployer.deploy"),
    ("pypi publish", "io.pinrepo.pypi.PypiRepository.publish"),
]
# digests of the new index files happen inside DistCommit.attempt between the markers above
DIGESTS = ("index digests", "io.pinrepo.hash.Digests.of")
ATTEMPT = "io.pinrepo.debian.DistCommit.attempt"
MAIN_CLASS = "io.pinrepo.cli.Pinrepo "


def instant(text):
    # 2026-12-03T06:40:12.345678901Z -> seconds (nanoseconds kept to microseconds)
    date, frac = text.rstrip("Z").split(".") if "." in text else (text.rstrip("Z"), "0")
    return datetime.fromisoformat(date).timestamp() + float("0." + frac)


def samples(recording):
    out = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample",
         recording],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    result = []
    for e in events:
        v = e["values"]
        if v["sampledThread"]["javaName"] != "main":
            continue
        frames = [f["method"]["type"]["name"] + "." + f["method"]["name"]
                  for f in v["stackTrace"]["frames"]]
        result.append((instant(v["startTime"]), list(reversed(frames))))  # root first
    return sorted(result)


def phase_of(frames):
    for i, frame in enumerate(frames):
        for phase, marker in MARKERS:
            if frame.startswith(marker):
                return phase
        if frame.startswith(ATTEMPT):
            rest = frames[i + 1:]
            if any(f.startswith(DIGESTS[1]) for f in rest) and not any(
                    f.startswith(m) for _, m in MARKERS for f in rest):
                return DIGESTS[0]
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


def one(recording, log):
    main_at, families, _ = class_log(log)
    s = samples(recording)
    # JFR's clock is wall time; the class log's is uptime: align on the first main-thread sample
    # of the CLI, which comes after main started.
    phases = []
    for at, frames in s:
        p = phase_of(frames)
        if p is None and any(f.startswith("picocli.") for f in frames) and not phases:
            p = "CLI parse (picocli)"
        if p is None:
            continue
        if not phases or phases[-1][0] != p:
            phases.append([p, at, at])
        else:
            phases[-1][2] = at
    durations = collections.OrderedDict()
    for i, (p, start, end) in enumerate(phases):
        stop = phases[i + 1][1] if i + 1 < len(phases) else end
        durations[p] = durations.get(p, 0.0) + (stop - start) * 1000
    return main_at * 1000, durations, families


def main(args):
    if len(args) < 2 or len(args) % 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    starts, per_phase, fams = [], collections.OrderedDict(), None
    for rec, log in zip(args[0::2], args[1::2]):
        start, durations, families = one(rec, log)
        starts.append(start)
        for p, ms in durations.items():
            per_phase.setdefault(p, []).append(ms)
        fams = families
    print(f"{'phase':34} {'median ms':>10}  (of {len(starts)} runs)")
    print(f"{'JVM start to main class':34} {statistics.median(starts):10.0f}")
    for p, values in per_phase.items():
        values += [0.0] * (len(starts) - len(values))
        print(f"{p:34} {statistics.median(values):10.0f}")
    print()
    print("classes loaded in the last run, by family (from CDS / from jars):")
    totals = collections.Counter()
    for (family, shared), count in fams.items():
        totals[family] += count
    for family, count in totals.most_common(12):
        print(f"  {family:40} {count:6d}  ({fams[(family, True)]} shared)")
    print(f"  {'total':40} {sum(totals.values()):6d}")


if __name__ == "__main__":
    main(sys.argv[1:])
