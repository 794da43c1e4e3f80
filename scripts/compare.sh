#!/usr/bin/env bash
# Runs the pinrepo CLI side by side with the tools a user would otherwise use, on the same machine
# and the same files, and prints a table of medians and ratios (issue 14):
#   apt add-one   one .deb into a dist of N packages: pinrepo vs reprepro and aptly, signed and not
#   apt bulk      10,000 .debs into an empty dist: pinrepo vs apt-ftparchive (which only indexes)
#   maven         one release into a GA with 500 versions: pinrepo vs mvn deploy:deploy-file (file:)
#   pypi          one wheel into an existing project of a 5,000-project index: pinrepo vs the
#                 CLI's own start (pinrepo pypi --help), as there is no stock tool to compare with
# Commands of one comparison run in turn, A B [C] A B [C] ..., after one warm-up round each; a
# ratio is the median of the per-round ratios. Wall time is the whole process, JVM start included;
# peak is the largest resident set of the process (GNU time's %M).
#
# usage: scripts/compare.sh [--sizes "1000 10000"] [--rounds 7] [--work DIR] [--only LIST]
#   --sizes   dist sizes for the apt add-one rows (default "1000 10000 100000")
#   --only    any of: apt bulk maven pypi (default: all)
#   --work    where fixtures go (default: a new directory under /tmp; reused when given)
#   --prepare make the fixtures only (then run again with the same --work to measure)
# Needs JDK 17+, Maven, gpg, GNU time; reprepro, aptly and apt-ftparchive for their columns (a
# missing tool's column is skipped). Fixtures at 100,000 take a few minutes and ~2 GB of disk.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes="1000 10000 100000"
rounds=7
only="apt bulk maven pypi"
work=""
prepare=no
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --prepare) prepare=yes; shift ;;
    *) sed -n '2,21p' "$0" >&2; exit 2 ;;
  esac
done
work=${work:-$(mktemp -d /tmp/pinrepo-compare.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
cli=${PINREPO_JAR:-$here/pinrepo-cli/target/pinrepo.jar} # PINREPO_JAR: measure another build
fixtures="$here/pinrepo-benchmarks/target/benchmarks.jar"
if [[ ! -f $cli || ! -f $fixtures ]]; then
  echo "compare: building the CLI and the benchmarks jar" >&2
  (cd "$here" && mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl pinrepo-cli,pinrepo-benchmarks -am)
fi
# as ./pinrepo runs it: with the class-data-sharing archive the build makes beside the jar
cds=""
if [[ -f ${cli%.jar}.jsa && ${cli%.jar}.jsa -nt $cli ]]; then
  cds="-XX:SharedArchiveFile=${cli%.jar}.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
fi
# and its quick-start options for short commands (PINREPO_JAVA_OPTS adds to them)
pinrepo=(java $cds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC ${PINREPO_JAVA_OPTS:-} -jar "$cli")
results="$work/results.txt"
spare=200 # new files made per case: each run publishes one, and counters go on across calls
: >"$results"

log() { echo "compare: $*" >&2; }
has() { command -v "$1" >/dev/null 2>&1; }
wants() { [[ " $only " == *" $1 "* ]]; }
fixture() { java -cp "$fixtures" io.pinrepo.benchmarks.FixtureTool "$@"; }


# ---- the signing key: one RSA 3072 key, in a private gpg home, for every tool ----------------------
export GNUPGHOME="$work/gnupg"
if [[ ! -f $work/secret.asc ]]; then
  mkdir -p "$GNUPGHOME" && chmod 700 "$GNUPGHOME"
  gpg --batch --quiet --no-tty --pinentry-mode loopback --passphrase '' \
    --quick-gen-key 'pinrepo compare <compare@example.invalid>' rsa3072 sign never
  gpg --batch --armor --export-secret-keys >"$work/secret.asc"
fi
fpr=$(gpg --batch --list-keys --with-colons | awk -F: '/^fpr/{print $10; exit}')

# ---- cases: each a small script that publishes the next new file into its own repository -----------
# A case's counter picks a file no earlier run published, so every run adds exactly one.
case_script() { # NAME COMMAND... (the command may use $file, the next file from the list $list)
  local name=$1; shift
  local script="$work/cases/$name"
  mkdir -p "$work/cases"
  {
    echo '#!/usr/bin/env bash'
    echo 'set -e'
    echo "export GNUPGHOME='$GNUPGHOME'"
    echo "n=\$(cat '$script.count' 2>/dev/null || echo 0); echo \$((n + 1)) >'$script.count'"
    echo "file=\$(sed -n \"\$((n + 1))p\" '$script.list')"
    echo "$*"
  } >"$script"
  chmod +x "$script"
  echo "$script"
}
list_files() { # CASE-SCRIPT GLOB...: the files its runs publish, in order
  local script=$1; shift
  ls -1 "$@" >"$script.list"
}

# ---- the runner: alternating rounds, medians, ratios ------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
run_once() { # SCRIPT -> "seconds peak-kB exit"
  local t0 t1 rc=0
  t0=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$work/rss" "$1" >>"$work/out.log" 2>&1 || rc=$?
  t1=$EPOCHREALTIME
  echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", b-a}') $(tail -1 "$work/rss" | tr -dc 0-9) $rc"
}
race() { # LABEL SCRIPT-A SCRIPT-B [SCRIPT-C]: prints one result line per B (and C) against A
  local label=$1; shift
  local scripts=("$@") i r
  declare -A times rss
  log "$label: $(basename -a "${scripts[@]}" | tr '\n' ' ')"
  [[ $prepare == yes ]] && return 0
  for ((r = 0; r <= rounds; r++)); do
    for i in "${!scripts[@]}"; do
      read -r secs kb rc < <(run_once "${scripts[$i]}")
      if [[ $rc != 0 ]]; then
        log "$(basename "${scripts[$i]}") exited $rc; see $work/out.log"
        printf '%-30s %s failed (exit %s)\n' "$label" "$(basename "${scripts[$i]}")" "$rc" >>"$results"
        return 0
      fi
      if ((r > 0)); then # round 0 is the warm-up
        times[$i]+="$secs "
        rss[$i]+="$kb "
      fi
    done
  done
  local a_med a_rss
  a_med=$(tr ' ' '\n' <<<"${times[0]}" | grep . | median)
  a_rss=$(tr ' ' '\n' <<<"${rss[0]}" | grep . | median)
  for ((i = 1; i < ${#scripts[@]}; i++)); do
    local b_med b_rss ratio
    b_med=$(tr ' ' '\n' <<<"${times[$i]}" | grep . | median)
    b_rss=$(tr ' ' '\n' <<<"${rss[$i]}" | grep . | median)
    ratio=$(paste <(tr ' ' '\n' <<<"${times[0]}" | grep .) <(tr ' ' '\n' <<<"${times[$i]}" | grep .) |
      awk '{print $1 / $2}' | median)
    printf '%-30s %-22s %8.3f s %6.0f MB  %-22s %8.3f s %6.0f MB  %6.2fx\n' \
      "$label" "$(basename "${scripts[0]}")" "$a_med" "$((a_rss / 1024))" \
      "$(basename "${scripts[$i]}")" "$b_med" "$((b_rss / 1024))" "$ratio" | tee -a "$results" >&2
  done
}

# ---- APT: one .deb into a dist of N packages ---------------------------------------------------------
reprepro_repo() { # DIR DEBS-DIR SIGNED
  local dir=$1 debs=$2 signed=$3
  mkdir -p "$dir/conf"
  {
    echo "Codename: stable"
    echo "Components: main"
    echo "Architectures: amd64"
    [[ $signed == yes ]] && echo "SignWith: $fpr"
  } >"$dir/conf/distributions"
  find "$debs" -name '*.deb' -print0 | sort -z |
    xargs -0 -n 5000 reprepro -b "$dir" --export=never includedeb stable >/dev/null
  reprepro -b "$dir" export stable
}
aptly_repo() { # DIR DEBS-DIR SIGNED
  local dir=$1 debs=$2 signed=$3
  mkdir -p "$dir"
  echo "{\"rootDir\": \"$dir\", \"architectures\": [\"amd64\"]}" >"$dir/aptly.conf"
  aptly -config="$dir/aptly.conf" repo create -distribution=stable -component=main bench >/dev/null
  aptly -config="$dir/aptly.conf" repo add bench "$debs" >/dev/null
  if [[ $signed == yes ]]; then
    aptly -config="$dir/aptly.conf" publish repo -batch -gpg-key="$fpr" bench >/dev/null
  else
    aptly -config="$dir/aptly.conf" publish repo -skip-signing bench >/dev/null
  fi
}

apt_rows() { # N
  local n=$1 dir="$work/apt-$1"
  mkdir -p "$dir"
  if [[ ! -d $dir/new ]]; then
    log "apt $n: generating $n .debs and the new ones"
    fixture debs "$dir/debs" bench 0 "$n"
    fixture debs "$dir/new" new 0 "$spare"
  fi
  for signed in no yes; do
    local key=() aptly_sign=(-skip-signing) suffix=""
    if [[ $signed == yes ]]; then
      key=(--sign-key "$work/secret.asc") aptly_sign=(-batch -gpg-key="$fpr") suffix="-signed"
    fi
    [[ -d $dir/pinrepo$suffix ]] || { log "apt $n$suffix: pinrepo fixture"; fixture apt "$dir/pinrepo$suffix" "$n" ${key[1]:+"${key[1]}"}; }
    local cases=()
    cases+=("$(case_script "pinrepo-$n$suffix" "exec ${pinrepo[*]} deb publish --repo '$dir/pinrepo$suffix' --dist stable --component main ${key[*]} \"\$file\"")")
    if has reprepro; then
      [[ -d $dir/reprepro$suffix ]] || { log "apt $n$suffix: reprepro fixture"; reprepro_repo "$dir/reprepro$suffix" "$dir/debs" "$signed"; }
      cases+=("$(case_script "reprepro-$n$suffix" "exec reprepro -b '$dir/reprepro$suffix' includedeb stable \"\$file\"")")
    fi
    if has aptly && [[ ${APTLY_MAX:-100000} -ge $n ]]; then
      [[ -d $dir/aptly$suffix ]] || { log "apt $n$suffix: aptly fixture"; aptly_repo "$dir/aptly$suffix" "$dir/debs" "$signed"; }
      cases+=("$(case_script "aptly-$n$suffix" "aptly -config='$dir/aptly$suffix/aptly.conf' repo add bench \"\$file\" && exec aptly -config='$dir/aptly$suffix/aptly.conf' publish update ${aptly_sign[*]} stable")")
    fi
    for c in "${cases[@]}"; do list_files "$c" "$dir"/new/*.deb; done
    race "apt add-one N=$n${suffix:+ signed}" "${cases[@]}"
  done
}

# ---- APT bulk: 10,000 .debs into an empty dist -------------------------------------------------------
bulk_rows() {
  local dir="$work/bulk"
  [[ -d $dir/debs ]] || { log "bulk: generating 10,000 .debs"; fixture debs "$dir/debs" bench 0 10000; }
  seq -f "$dir/repo-%g" 1 $((rounds + 2)) >"$dir/repos"
  local a b
  a=$(case_script "pinrepo-bulk-10000" "exec ${pinrepo[*]} deb publish --repo \"\$file\" --dist stable --component main '$dir'/debs/*.deb")
  cp "$dir/repos" "$a.list"
  b=$(case_script "apt-ftparchive-10000" "cd '$dir' && exec apt-ftparchive packages debs >\"\$file.Packages\"")
  cp "$dir/repos" "$b.list"
  rm -rf "$dir"/repo-* "$a.count" "$b.count"
  race "apt bulk 10,000 into empty" "$a" "$b"
}

# ---- Maven: one release into a GA with 500 versions ---------------------------------------------------
maven_rows() {
  local dir="$work/maven"
  if [[ ! -d $dir/pinrepo ]]; then
    log "maven: fixture of 500 versions"
    fixture maven "$dir/pinrepo" 500
    cp -a "$dir/pinrepo" "$dir/mvn"
    mkdir -p "$dir/new"
    for ((i = 0; i < spare; i++)); do
      printf '<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>lib</artifactId><version>2.0.%d</version></project>\n' "$i" >"$dir/new/lib-2.0.$i.pom"
      printf 'jar of 2.0.%d\n' "$i" >"$dir/new/lib-2.0.$i.jar"
    done
  fi
  local a b
  a=$(case_script "pinrepo-maven-500" "exec ${pinrepo[*]} maven deploy --repo '$dir/pinrepo' \"\$file\" \"\${file%.pom}.jar\"")
  b=$(case_script "mvn-deploy-file-500" "cd '$dir' && exec mvn -B -q org.apache.maven.plugins:maven-deploy-plugin:3.1.3:deploy-file -DpomFile=\"\$file\" -Dfile=\"\${file%.pom}.jar\" -Durl='file://$dir/mvn' -DrepositoryId=bench")
  ls -1v "$dir"/new/*.pom >"$a.list"
  cp "$a.list" "$b.list"
  race "maven deploy into 500" "$a" "$b"
}

# ---- PyPI: one wheel into an existing project of a 5,000-project index --------------------------------
pypi_rows() {
  local dir="$work/pypi"
  if [[ ! -d $dir/pinrepo ]]; then
    log "pypi: fixture of 5,000 projects"
    fixture pypi "$dir/pinrepo" 5000
    fixture wheels "$dir/new" proj02500 0 "$spare"
  fi
  local a b
  a=$(case_script "pinrepo-pypi-5000" "exec ${pinrepo[*]} pypi publish --repo '$dir/pinrepo' \"\$file\"")
  ls -1v "$dir"/new/*.whl >"$a.list"
  b=$(case_script "pinrepo-pypi-help" "exec ${pinrepo[*]} pypi --help")
  cp "$a.list" "$b.list"
  race "pypi publish into 5,000" "$a" "$b"
}

for n in $sizes; do wants apt && apt_rows "$n"; done
wants bulk && has apt-ftparchive && bulk_rows
wants maven && has mvn && maven_rows
wants pypi && pypi_rows

echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
printf '%-30s %-22s %10s %9s  %-22s %10s %9s  %7s\n' comparison A "median" "peak" B "median" "peak" "A/B"
cat "$results"
log "fixtures and logs in $work"
