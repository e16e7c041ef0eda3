#!/usr/bin/env bash
# Remote partitioning against local partitioning, on one machine:
#   src/bench/remote-benchmark.sh [ROWS] [WORKERS]      (default: 1000000 2)
# On a throwaway PostgreSQL cluster (needs the server binaries; started as 'postgres' when run
# as root), two databases: a local night (hublinks.scale.partitions=4 threads) on one, and on
# the other a remote night, `run` as manager with WORKERS `worker` processes. Prints both wall
# times and run summaries, the partitions each worker ran, and compares the exports byte for byte.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
WORKERS=${2:-2}
WORK=${BENCH_DIR:-target/bench-remote}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
PG_PORT=${PG_PORT:-55433}
rm -rf "$WORK"; mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
[ -f target/hublinks.jar ] || ./mvnw -B -q -DskipTests package
cp target/hublinks.jar "$WORK/hublinks.jar"
JAR="$WORK/hublinks.jar"
export EDUME_SIGNING_SECRET=${EDUME_SIGNING_SECRET:-$(cat sample-data/demo-signing-secret.txt)}

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PGDATA="$WORK/pg"
AS=(); [ "$(id -u)" = 0 ] && AS=(runuser -u postgres --)
mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA"
"${AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U hublinks --auth=trust >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -o "-p $PG_PORT -k /tmp -c fsync=on -c shared_buffers=256MB" -l "$PGDATA/log" -w start >/dev/null
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait; "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null' EXIT
for db in local_night remote_night; do
  "${AS[@]}" "$PGBIN/psql" -h /tmp -p "$PG_PORT" -U hublinks -d postgres -qc "create database $db"
done

java -jar "$JAR" generate-roster --rows "$ROWS" --out "$WORK/roster.csv" --seed 1 >/dev/null
settings() { # settings DATABASE
  echo "--spring.datasource.url=jdbc:postgresql://localhost:$PG_PORT/$1?user=hublinks" \
    "--spring.datasource.hikari.maximum-pool-size=10 --hublinks.scale.partitions=4" \
    "--hublinks.campaign.out-dir=$WORK/out-$1 --hublinks.ops.progress-every=60s"
}
night() { # night LABEL DATABASE [SETTING…]
  local label=$1 db=$2; shift 2
  local start; start=$(date +%s.%N)
  java $JAVA_OPTS -jar "$JAR" run jobs/sample-nightly.yml --date 2026-03-03 --roster "$WORK/roster.csv" \
    $(settings "$db") "$@" >"$WORK/$label.log" 2>&1
  printf '%-8s night: %6.1f s wall (load average %s)\n' "$label" "$(echo "$(date +%s.%N) - $start" | bc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

night local local_night
for i in $(seq 1 "$WORKERS"); do
  java $JAVA_OPTS -jar "$JAR" worker jobs/sample-nightly.yml --hublinks.scale.mode=remote $(settings remote_night) \
    >"$WORK/worker$i.log" 2>&1 &
  PIDS+=($!)
done
for i in $(seq 1 "$WORKERS"); do
  until grep -q "taking signLinks partitions" "$WORK/worker$i.log"; do sleep 0.2; done
done
night remote remote_night --hublinks.scale.mode=remote

for label in local remote; do
  echo "== $label"; sed -n '/ended COMPLETED/,/report /p' "$WORK/$label.log" | grep -E 'import|signLinks|export'
done
echo "== workers"; grep -h "COMPLETED: " "$WORK"/worker*.log
for f in email.csv sms.csv inapp.jsonl rejects.csv; do
  cmp "$WORK/out-local_night/sample-nightly/2026-03-03/$f" "$WORK/out-remote_night/sample-nightly/2026-03-03/$f" \
    && echo "$f: identical"
done
