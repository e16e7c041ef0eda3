#!/usr/bin/env bash
# How long hublinks takes to start, rerunnable by anyone (README, "Fast start"):
#   src/bench/startup.sh [RUNS]          (default 10 of each)
#   HUBLINKS_JAR=other.jar src/bench/startup.sh   (another build, e.g. an older release, for comparison)
# On a fresh H2 file database it runs the sample night once, makes the CDS archive
# (jobs/hublinks-cds.sh --prepare), then times, each as a fresh process, RUNS times in turn:
#   no-op        run jobs/sample-nightly.yml for the date that completed ("already completed")
#   no-op 1M     the same with --roster of a million learners (a no-op reads no roster)
#   night        the sample night (51 learners, unchanged) on a date of its own, every step run
# each with java -jar and with jobs/hublinks-cds.sh (the archive). Prints the median and the
# fastest of the wall and CPU (user + system) seconds that /usr/bin/time reports.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
WORK=${BENCH_DIR:-target/bench-startup}
rm -rf "$WORK"; mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
SOURCE=${HUBLINKS_JAR:-target/hublinks.jar}
[ -f "$SOURCE" ] || ./mvnw -B -q -DskipTests package
cp "$SOURCE" "$WORK/hublinks.jar" # a copy: a rebuild of target/ must not change it under the runs
cp -r jobs sample-data "$WORK/"
cd "$WORK"
ROSTER=${ROSTER_1M:-$WORK/roster-1M.csv}
[ -f "$ROSTER" ] || java -jar hublinks.jar generate-roster --rows 1000000 --out "$ROSTER" --seed 1 >/dev/null
URL="--spring.datasource.url=jdbc:h2:file:$WORK/data/hublinks;AUTO_SERVER=TRUE"
java -jar hublinks.jar run jobs/sample-nightly.yml --date 2026-03-01 "$URL" > first-night.log 2>&1
HUBLINKS_JAR=hublinks.jar jobs/hublinks-cds.sh --prepare

LOAD=$(cut -d" " -f1-3 /proc/loadavg)
declare -A WALL CPU
timed() { # timed KEY CMD...: one run under /usr/bin/time, its seconds appended to WALL[KEY] and CPU[KEY]
  local key=$1; shift
  /usr/bin/time -f '%e %U %S' -o time.out "$@" > run.log 2>&1 || { cat run.log >&2; exit 1; }
  read -r wall user sys < time.out
  WALL[$key]+="$wall "
  CPU[$key]+="$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}') "
}
stats() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%6.2f %6.2f", m, v[1]}'; }

for i in $(seq 1 "$RUNS"); do
  for launch in java cds; do
    if [ $launch = java ]; then start=(java -jar hublinks.jar); else start=(env HUBLINKS_JAR=hublinks.jar jobs/hublinks-cds.sh); fi
    timed "no-op $launch" "${start[@]}" run jobs/sample-nightly.yml --date 2026-03-01 "$URL"
    timed "no-op-1M $launch" "${start[@]}" run jobs/sample-nightly.yml --date 2026-03-01 --roster "$ROSTER" "$URL"
    timed "night $launch" "${start[@]}" run jobs/sample-nightly.yml --date "2026-04-$(printf %02d "$i")" \
      --hublinks.job.name="night-$launch" "$URL"
  done
done

echo "$(java -version 2>&1 | head -1), $(nproc) cores, $RUNS runs each, load average before: $LOAD"
printf '%-10s %-6s %14s %14s\n' case start "wall s median/min" "cpu s median/min"
for case in no-op no-op-1M night; do
  for launch in java cds; do
    printf '%-10s %-6s %8s %6s %8s %6s\n' "$case" "$launch" \
      $(echo "${WALL[$case $launch]}" | stats) $(echo "${CPU[$case $launch]}" | stats)
  done
done
