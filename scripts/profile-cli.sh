#!/usr/bin/env bash
# Where one CLI publish of a .deb spends its time: runs it RUNS times under JFR (1 ms execution
# samples, see samples.jfc) and RUNS times without JFR but with -Xlog:class+load, each in a fresh JVM
# on a fresh copy of REPO (so every run adds to the same N packages), then prints the median time
# per phase (scripts/phases.py).
#
# usage: [PINREPO_JAR=JAR] scripts/profile-cli.sh RUNS REPO DEB [--sign-key KEY] [JVM-OPTION...]
#   REPO  an APT repository with dist 'stable' (e.g. from FixtureTool apt, or compare.sh's work dir)
#   DEB   the package to add
# Recordings stay in a directory printed at the end; open them in JDK Mission Control for more.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=$1 repo=$2 deb=$3; shift 3
sign=()
if [[ ${1:-} == --sign-key ]]; then sign=(--sign-key "$2"); shift 2; fi
out=$(mktemp -d /tmp/pinrepo-profile.XXXXXX)
publish() { # JVM-OPTION...: sets $seconds
  rm -rf "$out/repo" && mkdir "$out/repo" && cp -a "$repo/dists" "$out/repo/" && sync # no pool: never read
  local t0=$EPOCHREALTIME
  java "$@" -jar "${PINREPO_JAR:-$here/pinrepo-cli/target/pinrepo.jar}" deb publish --repo "$out/repo" \
    --dist stable --component main "${sign[@]}" "$deb" >/dev/null
  seconds=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{print b - a}')
}
recordings=() logs=() walls=()
for ((i = 1; i <= runs; i++)); do
  publish "$@" -XX:FlightRecorderOptions:stackdepth=256 \
    -XX:StartFlightRecording:filename="$out/run$i.jfr",settings="$here/scripts/samples.jfc" \
    -Xlog:jfr+startup=warning
  recordings+=("$out/run$i.jfr")
  publish "$@" -Xlog:class+load:file="$out/classes$i.log":uptimenanos
  logs+=("$out/classes$i.log")
  walls+=("$seconds")
done
rm -rf "$out/repo"
python3 "$here/scripts/phases.py" "${recordings[@]}" --plain "${logs[@]}" --wall "${walls[@]}"
echo "recordings: $out" >&2
