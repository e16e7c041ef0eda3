#!/usr/bin/env bash
# The benchmark of issue 11, rerunnable by anyone (src/bench/README.md says what each figure means):
#   src/bench/benchmark.sh [ROWS] [h2|postgres|both]        (default: 1000000 h2)
#   RUNS=1 src/bench/benchmark.sh 10000000 h2                (the 10M-learner memory check)
#   BAD_PHONES=0.14 src/bench/benchmark.sh 1000000 h2        (a roster with 14% unusable phone numbers)
# Three nights, each on the plain Node.js script (src/bench/node-baseline.mjs) and on hublinks, on
# the same roster file, in the same run:
#   night 1  every learner new                 (roster-ROWS.csv, on an empty database)
#   night 2  unchanged                          (the same file again)
#   night 3  0.25% changed email, 0.25% left, 0.25% joined   (generate-roster --next-of)
# Each night is a fresh `java -jar` process (JAVA_OPTS, default -Xmx256m) started as ops start it,
# through jobs/hublinks-cds.sh with the class-data archive it prepares (README, "Fast start"; CDS=0:
# plain `java -jar hublinks.jar`, about 1.7 s more a night on 2 cores), timed by
# /usr/bin/time -v (wall, peak RSS), RUNS times (default 3), each time from a saved copy of the
# database as it was before that night, the Node run and the night alternated (odd runs Node
# first, even runs hublinks first). Prints each run, then min/median/max, the median ratio to
# Node, the rows the night wrote to hublinks' own tables (not Spring Batch's batch_*, Spring
# Integration's int_* or Flyway's history) and a Markdown table for the README.
# PostgreSQL: a throwaway cluster under /tmp (the server binaries of /usr/lib/postgresql; started
# as 'postgres' when run as root), rows from pg_stat_user_tables. H2: a file database, rows by
# comparing its tables before and after (src/bench/H2RowDiff.java).
# PG_DECODE=1 also counts every row change from the WAL (wal_level=logical, test_decoding), as a
# check of both counts; it slows the server a little, so it is off for the timed figures.
set -euo pipefail
{ # the whole script is read before it runs: a checkout or an edit during a long run does not change it
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
DBS=${2:-h2}
RUNS=${RUNS:-3}
CHURN=${CHURN:-0.0025}
BAD_PHONES=${BAD_PHONES:-0}
WORK=${BENCH_DIR:-target/bench}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
PG_PORT=${PG_PORT:-55432}
PG_DATA=${PG_DATA:-/tmp/hublinks-bench-pg-$PG_PORT}
PG_DECODE=${PG_DECODE:-0}
CDS=${CDS:-1}
case $DBS in h2|postgres|both) ;; *) echo "benchmark.sh: the database is h2, postgres or both, not '$DBS'" >&2; exit 2 ;; esac
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "benchmark.sh: RUNS is a number of runs, not '$RUNS'" >&2; exit 2; }
mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
[ -f target/hublinks.jar ] || ./mvnw -B -q -DskipTests package
# run a copy: a rebuild of target/ during a long run must not pull classes from under it
cp target/hublinks.jar "$WORK/hublinks.jar"
JAR="$WORK/hublinks.jar"
# shellcheck disable=SC2206 # JAVA_OPTS is a list of options
LAUNCH=(java $JAVA_OPTS -jar "$JAR")
if [ "$CDS" = 1 ]; then
  HUBLINKS_JAR="$JAR" JAVA_OPTS="$JAVA_OPTS" jobs/hublinks-cds.sh --prepare >/dev/null
  LAUNCH=(env HUBLINKS_JAR="$JAR" JAVA_OPTS="$JAVA_OPTS" jobs/hublinks-cds.sh)
fi
export EDUME_SIGNING_SECRET=${EDUME_SIGNING_SECRET:-$(cat sample-data/demo-signing-secret.txt)}

machine() {
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
    "$(java -version 2>&1 | head -1), node $(node --version)"
}
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "rows=$ROWS databases=$DBS runs=$RUNS JAVA_OPTS=$JAVA_OPTS CDS=$CDS  machine: $(machine)  load at start: $LOAD_START"

# The rosters: generated once, kept in $WORK (delete them to make them again).
SUFFIX=; [ "$BAD_PHONES" = 0 ] || SUFFIX="-bad$BAD_PHONES"
ROSTER1="$WORK/roster-$ROWS$SUFFIX.csv"
ROSTER3="$WORK/roster-$ROWS$SUFFIX-next$CHURN.csv"
[ -f "$ROSTER1" ] || java -jar "$JAR" generate-roster --rows "$ROWS" --seed 1 --bad-phones "$BAD_PHONES" \
  --out "$ROSTER1" >/dev/null
[ -f "$ROSTER3" ] || java -jar "$JAR" generate-roster --next-of "$ROSTER1" --seed 1 --churn "$CHURN" \
  --bad-phones "$BAD_PHONES" --out "$ROSTER3" >/dev/null

PERCENT=$(awk -v c="$CHURN" 'BEGIN {printf "%g%%", c * 100}')
NIGHT_NAME=("" "every learner new" "unchanged" "$PERCENT changed email, $PERCENT left, $PERCENT joined")
NIGHT_ROSTER=("" "$ROSTER1" "$ROSTER1" "$ROSTER3")
NIGHT_DATE=("" 2026-02-01 2026-02-02 2026-02-03)
RESULTS="$WORK/results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# timed NAME CMD...: runs CMD under /usr/bin/time -v; sets WALL (s), RSS (MB) and CODE
timed() {
  local name=$1; shift
  CODE=0
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>&1 || CODE=$?
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/$name.time")
  RSS=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$WORK/$name.time")
  # /usr/bin/time reports a command killed by a signal in its own words, not as an exit code
  if grep -q 'Command terminated by signal' "$WORK/$name.time"; then
    CODE=$((128 + $(awk '/terminated by signal/ {print $NF}' "$WORK/$name.time")))
  fi
}

node_run() { # node_run NIGHT
  timed node node src/bench/node-baseline.mjs "${NIGHT_ROSTER[$1]}" "$WORK/node-email.csv"
  NODE_WALL=$WALL
}

java_run() { # java_run DB NIGHT URL
  # one output folder per database, as in production: a night finds the files of the nights before it
  # (an unchanged roster file takes the rejects and warnings of the last published night)
  local out="$WORK/out-$1"
  if [ "$2" = 1 ]; then rm -rf "$out"; else rm -rf "$out/bench/${NIGHT_DATE[$2]}"; fi
  timed "$1-night$2" "${LAUNCH[@]}" run jobs/sample-nightly.yml --date "${NIGHT_DATE[$2]}" \
    --roster "${NIGHT_ROSTER[$2]}" --hublinks.job.name=bench --hublinks.campaign.out-dir="$out" \
    "--spring.datasource.url=$3" --logging.level.com.example.hublinks=WARN
  JAVA_WALL=$WALL JAVA_RSS=$RSS JAVA_CODE=$CODE
  # the night's own staging table, roster_delta_<instance>, is created and dropped inside the night:
  # its rows are the learners and leavers importRoster staged, its write count in metrics.prom
  STAGED=$(awk '/^hublinks_step_written\{step="importRoster"\}/ {printf "%d", $2}' \
    "$out/bench/${NIGHT_DATE[$2]}/metrics.prom" 2>/dev/null || true)
  STAGED=${STAGED:-0}
}

# ---- H2: a file database; before each run the file saved before that night is copied back ----
H2_JAR=
h2_rows() { # h2_rows NIGHT: rows written by the last run, by comparing the saved copy with the database
  local before=-
  if [ "$1" -gt 1 ]; then before="$WORK/h2-saved/before-night$1"; fi
  if ! java -cp "$H2_JAR:$WORK/tools" H2RowDiff "$before" "$WORK/h2/hublinks" >"$WORK/h2-rows.txt" 2>"$WORK/h2-rows.err"; then
    echo "benchmark.sh: could not count the rows of night $1: $(tail -1 "$WORK/h2-rows.err")" >&2
    APP_ROWS='?' TABLES='not counted'
    return
  fi
  APP_ROWS=$(awk '$1 == "total" {print $2 + $3 + $4}' "$WORK/h2-rows.txt")
  TABLES=$(awk '$1 != "total" && $2 + $3 + $4 > 0 {printf "%s%s +%d ~%d -%d", sep, $1, $2, $4, $3; sep=", "}' "$WORK/h2-rows.txt")
}

bench_h2() {
  mkdir -p "$WORK/tools"
  unzip -o -q -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/tools"
  H2_JAR=$(ls "$WORK"/tools/h2-*.jar | head -1)
  javac -cp "$H2_JAR" -d "$WORK/tools" src/bench/H2RowDiff.java
  rm -rf "$WORK/h2" "$WORK/h2-saved"; mkdir -p "$WORK/h2" "$WORK/h2-saved"
  local url="jdbc:h2:file:$WORK/h2/hublinks"
  for n in 1 2 3; do
    for r in $(seq 1 "$RUNS"); do
      rm -f "$WORK"/h2/hublinks.*
      if [ "$n" -gt 1 ]; then cp "$WORK/h2-saved/before-night$n.mv.db" "$WORK/h2/hublinks.mv.db"; fi
      pair h2 "$n" "$r" "$url"
      h2_rows "$n"
      record h2 "$n" "$r"
    done
    if [ "$n" -lt 3 ]; then cp "$WORK/h2/hublinks.mv.db" "$WORK/h2-saved/before-night$((n + 1)).mv.db"; fi
  done
}

# ---- PostgreSQL: a throwaway cluster; before each run the database is made again from a template ----
PGBIN=
AS=()
psql_() { "$PGBIN/psql" -h /tmp -p "$PG_PORT" -U hublinks -X -At -q "$@"; }
pg_stats() { # pg_stats FILE: hublinks' tables' write counters, once the night's connections have closed
  local i
  for i in $(seq 1 150); do
    [ "$(psql_ -d hublinks -c "select count(*) from pg_stat_activity where datname = 'hublinks'
      and backend_type = 'client backend' and pid <> pg_backend_pid()")" = 0 ] && break
    sleep 0.2
  done
  sleep 1 # a backend leaves pg_stat_activity a moment before it has flushed its statistics
  psql_ -d hublinks -F ' ' -c "select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables
    where relname not like 'batch\_%' and relname not like 'int\_%' and relname <> 'flyway_schema_history'
    order by relname" >"$1"
}
pg_rows() { # rows written between the two statistics files
  awk 'FILENAME == ARGV[1] {i[$1] = $2; u[$1] = $3; d[$1] = $4; next}
       {a = $2 - i[$1]; b = $3 - u[$1]; c = $4 - d[$1]; total += a + b + c
        if (a + b + c > 0) {printf "%s%s +%d ~%d -%d", sep, $1, a, b, c; sep = ", "}}
       END {printf "\t%d\n", total}' "$WORK/pg-before.txt" "$WORK/pg-after.txt" >"$WORK/pg-rows.txt"
  APP_ROWS=$(cut -f2 "$WORK/pg-rows.txt")
  TABLES=$(cut -f1 "$WORK/pg-rows.txt")
}
pg_decode_start() {
  [ "$PG_DECODE" = 1 ] || return 0
  psql_ -d hublinks -c "select 1 from pg_create_logical_replication_slot('bench_rows', 'test_decoding')" >/dev/null
}
pg_decode_count() { # every row change the night made, read back from the WAL, by table
  [ "$PG_DECODE" = 1 ] || return 0
  psql_ -d hublinks -F ' ' -c "select coalesce(sum(n) filter (where t !~ '^(batch_|int_|flyway_schema_history$|roster_delta_)'), 0),
      coalesce(sum(n) filter (where t ~ '^roster_delta_'), 0), coalesce(sum(n) filter (where t ~ '^batch_'), 0)
    from (select substring(data from '^table [^.]+\.([^:]+):') t, count(*) n
          from pg_logical_slot_get_changes('bench_rows', null, null) where data like 'table %' group by 1) c" \
    >"$WORK/pg-decoded.txt"
  psql_ -d hublinks -c "select pg_drop_replication_slot('bench_rows')" >/dev/null
  read -r DEC_APP DEC_DELTA DEC_BATCH <"$WORK/pg-decoded.txt"
  printf '    WAL check: %d rows to app tables (statistics: %d), %d to roster_delta (importRoster: %d), %d to batch_*\n' \
    "$DEC_APP" "$APP_ROWS" "$DEC_DELTA" "$STAGED" "$DEC_BATCH"
}

bench_postgres() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$PGBIN/initdb" ] || { echo "benchmark.sh: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 2; }
  if [ "$(id -u)" = 0 ]; then AS=(runuser -u postgres --); fi
  local options="-p $PG_PORT -k /tmp -c fsync=on -c shared_buffers=256MB"
  if [ "$PG_DECODE" = 1 ]; then options+=" -c wal_level=logical -c max_replication_slots=4"; fi
  rm -rf "$PG_DATA"; mkdir -p "$PG_DATA"
  if [ "$(id -u)" = 0 ]; then chown postgres "$PG_DATA"; fi
  "${AS[@]}" "$PGBIN/initdb" -D "$PG_DATA" -U hublinks --auth=trust >/dev/null
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PG_DATA" -o "$options" -l "$PG_DATA/log" -w start >/dev/null
  trap '"${AS[@]}" "$PGBIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null' EXIT
  local url="jdbc:postgresql://localhost:$PG_PORT/hublinks?user=hublinks"
  for n in 1 2 3; do
    for r in $(seq 1 "$RUNS"); do
      PGOPTIONS="-c client_min_messages=warning" "$PGBIN/dropdb" -h /tmp -p "$PG_PORT" -U hublinks --if-exists hublinks
      if [ "$n" = 1 ]; then
        "$PGBIN/createdb" -h /tmp -p "$PG_PORT" -U hublinks hublinks
      else
        "$PGBIN/createdb" -h /tmp -p "$PG_PORT" -U hublinks -S file_copy -T "before_night$n" hublinks
      fi
      pg_stats "$WORK/pg-before.txt"
      pg_decode_start
      pair postgres "$n" "$r" "$url"
      pg_stats "$WORK/pg-after.txt"
      pg_rows
      record postgres "$n" "$r"
      pg_decode_count
    done
    if [ "$n" -lt 3 ]; then
      "$PGBIN/createdb" -h /tmp -p "$PG_PORT" -U hublinks -S file_copy -T hublinks "before_night$((n + 1))"
    fi
  done
}

# ---- one run of a night: the Node script and hublinks, alternated ----
pair() { # pair DB NIGHT RUN URL
  if [ $(($3 % 2)) = 1 ]; then node_run "$2"; java_run "$1" "$2" "$4"
  else java_run "$1" "$2" "$4"; node_run "$2"; fi
}

record() { # record DB NIGHT RUN: one line of results/DB-nightN.tsv, and the same on the console
  local rows='?'
  if [[ $APP_ROWS =~ ^[0-9]+$ ]]; then rows=$((APP_ROWS + STAGED)); fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$JAVA_WALL" "$NODE_WALL" "$JAVA_RSS" "$JAVA_CODE" "$rows" \
    "$APP_ROWS" "$STAGED" "$TABLES" >>"$RESULTS/$1-night$2.tsv"
  printf '%-8s night %d run %d: %7.2f s  Node %6.2f s  %5.2f×  %5d MB  exit %d  rows written %s = %s to app tables + %s staged (%s)\n' \
    "$1" "$2" "$3" "$JAVA_WALL" "$NODE_WALL" "$(awk -v j="$JAVA_WALL" -v n="$NODE_WALL" 'BEGIN {print j / n}')" "$JAVA_RSS" "$JAVA_CODE" \
    "$rows" "$APP_ROWS" "$STAGED" "${TABLES:-none}"
}

if [[ $DBS == h2 || $DBS == both ]]; then bench_h2; fi
if [[ $DBS == postgres || $DBS == both ]]; then bench_postgres; fi

# ---- summary ----
stats() { # stats COLUMN FILE: "min median max" of a column
  cut -f"$1" "$2" | sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f %.2f\n", v[1], m, v[NR]}'
}
ratios() { # the median of each run's ratio hublinks / Node
  awk -F'\t' '{print $1 / $2}' "$1" | sort -g | awk '{v[NR] = $1} END {printf "%.2f\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
spread() { # spread COLUMN FILE: the value, or "min–max" when the runs differ ("?" if a run's is not known)
  cut -f"$1" "$2" | sort -g | awk '$1 !~ /^[0-9]+$/ {unknown = 1} NR == 1 {lo = $1} {hi = $1}
    END {print (unknown ? "?" : lo == hi ? lo : lo "–" hi)}'
}
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "rows=$ROWS runs=$RUNS JAVA_OPTS=$JAVA_OPTS  machine: $(machine)  load average at start: $LOAD_START, at end: $LOAD_END"
for db in h2 postgres; do
  for n in 1 2 3; do
    f="$RESULTS/$db-night$n.tsv"
    [ -f "$f" ] || continue
    read -r jmin jmed jmax <<<"$(stats 1 "$f")"
    read -r nmin nmed nmax <<<"$(stats 2 "$f")"
    printf '%-8s night %d (%s): hublinks %s / %s / %s s, Node %s / %s / %s s (min / median / max), median ratio %s×\n' \
      "$db" "$n" "${NIGHT_NAME[$n]}" "$jmin" "$jmed" "$jmax" "$nmin" "$nmed" "$nmax" "$(ratios "$f")"
    printf '           rows written: %s = %s to app tables + %s staged; last run: %s\n' "$(spread 5 "$f")" \
      "$(spread 6 "$f")" "$(spread 7 "$f")" "$(tail -1 "$f" | cut -f8)"
  done
done
echo
echo "| night | wall s (median) | × Node (median) | peak RSS MB | rows written to app tables | rows staged | exit code |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for db in h2 postgres; do
  for n in 1 2 3; do
    f="$RESULTS/$db-night$n.tsv"
    [ -f "$f" ] || continue
    name=$([ "$db" = h2 ] && echo H2 || echo PostgreSQL)
    printf '| %s %d: %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$n" "${NIGHT_NAME[$n]}" "$(stats 1 "$f" | cut -d' ' -f2)" \
      "$(ratios "$f")" "$(cut -f3 "$f" | sort -n | tail -1)" "$(spread 6 "$f" | commas)" "$(spread 7 "$f" | commas)" \
      "$(spread 4 "$f")"
  done
done
echo
echo "$ROWS learners, $RUNS runs of each night, each from a copy of the database before it, Node and hublinks alternated;"
echo "wall: median; × Node: median of each run's ratio to the Node script run beside it on the same file;"
echo "peak RSS: the largest of the runs; rows written: inserted + updated + deleted rows of hublinks' tables"
echo "(PostgreSQL: pg_stat_user_tables before and after; H2: rows inserted, deleted or changed between the database"
echo "before and after, a net count), plus the rows of the night's roster_delta_<id> table (created and dropped by the"
echo "night: the learners and leavers importRoster staged, its write count); batch_*, int_* and flyway_schema_history not counted."
exit
}
