#!/usr/bin/env bash
# The benchmark of issue 7, rerunnable by anyone:
#   src/bench/benchmark.sh [ROWS] [h2|postgres|both]       (default: 1000000 h2)
#   JAVA_OPTS=-Xmx256m src/bench/benchmark.sh 10000000 h2  (the 10M-learner memory check)
# Generates a roster (hublinks generate-roster), times the plain Node.js baseline on it, then
# runs the first night (every learner new) and an unchanged second night, each as a fresh
# `java -jar` process, on a fresh H2 file database and/or a throwaway PostgreSQL cluster
# (needs the PostgreSQL server binaries; started as the 'postgres' user when run as root).
# Prints wall time, learners/s, peak RSS and the ratios to the Node baseline.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
DBS=${2:-h2}
WORK=${BENCH_DIR:-target/bench}
JAVA_OPTS=${JAVA_OPTS:-}
PG_PORT=${PG_PORT:-55432}
mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
[ -f target/hublinks.jar ] || ./mvnw -B -q -DskipTests package
# run a copy: a rebuild of target/ during a long run must not pull classes from under it
cp target/hublinks.jar "$WORK/hublinks.jar"
JAR="$WORK/hublinks.jar"
export EDUME_SIGNING_SECRET=${EDUME_SIGNING_SECRET:-$(cat sample-data/demo-signing-secret.txt)}

ROSTER="$WORK/roster-$ROWS.csv"
[ -f "$ROSTER" ] || java -jar "$JAR" generate-roster --rows "$ROWS" --out "$ROSTER" --seed 1 >/dev/null

RESULTS=()
# timed LABEL CMD...: runs CMD under /usr/bin/time, records "label wall rss exit"
timed() {
  local label=$1; shift
  local log="$WORK/$label.time"
  local code=0
  /usr/bin/time -v -o "$log" "$@" >"$WORK/$label.out" 2>&1 || code=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$log")
  RESULTS+=("$label $wall $rss $code")
  printf '%-24s %8.2f s  %6d MB  exit %d\n' "$label" "$wall" "$rss" "$code"
}

timed node-baseline node src/bench/node-baseline.mjs "$ROSTER" "$WORK/node-email.csv"

night() { # night LABEL URL DATE
  timed "$1" java $JAVA_OPTS -jar "$JAR" run jobs/sample-nightly.yml --date "$3" --roster "$ROSTER" \
    --hublinks.job.name=bench --hublinks.campaign.out-dir="$WORK/out-$1" "--spring.datasource.url=$2" \
    --logging.level.com.example.hublinks=WARN
}

if [[ $DBS == h2 || $DBS == both ]]; then
  rm -rf "$WORK/h2"
  URL="jdbc:h2:file:$WORK/h2/hublinks"
  night h2-night1 "$URL" 2026-02-01
  night h2-night2 "$URL" 2026-02-02
fi

if [[ $DBS == postgres || $DBS == both ]]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  PGDATA=/tmp/hublinks-bench-pg
  AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
  "${AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U hublinks --auth=trust >/dev/null
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PG_PORT -k /tmp -c fsync=on -c shared_buffers=256MB" -l "$PGDATA/log" -w start >/dev/null
  trap '"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null' EXIT
  "${AS[@]}" "$PGBIN/createdb" -h /tmp -p "$PG_PORT" -U hublinks hublinks
  URL="jdbc:postgresql://localhost:$PG_PORT/hublinks?user=hublinks"
  night pg-night1 "$URL" 2026-02-01
  night pg-night2 "$URL" 2026-02-02
fi

echo
echo "rows=$ROWS  machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
BASE=$(awk '{print $2}' <<<"${RESULTS[0]}")
printf '| run | wall s | learners/s | peak RSS MB | × Node | exit |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for r in "${RESULTS[@]}"; do
  read -r label wall rss code <<<"$r"
  awk -v l="$label" -v w="$wall" -v m="$rss" -v b="$BASE" -v n="$ROWS" -v c="$code" \
    'BEGIN {printf "| %s | %.2f | %.0f | %d | %.2f | %d |\n", l, w, n/w, m, w/b, c}'
done
