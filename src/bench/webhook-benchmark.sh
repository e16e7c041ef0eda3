#!/usr/bin/env bash
# The webhook and upload benchmark of issue 13, rerunnable by anyone (not a test: it times things):
#   src/bench/webhook-benchmark.sh [EVENTS] [SENDERS] [ROSTER_ROWS]     (default: 2000 32 100000)
# Starts `hublinks serve` on the sample job with a fresh H2 file database on a free port of this
# machine (127.0.0.1 only), then:
#   1. EVENTS distinct signed eduMe deliveries from SENDERS concurrent senders  -> each 202, stored once
#   2. the same deliveries again (eduMe's retries)                              -> each 200, nothing stored
#   3. EVENTS forged deliveries (a wrong signature)                             -> each 401
#   4. 8 clients trickle a body one byte a second while 20 genuine deliveries are sent -> each answered, how fast
#   5. HR's script uploads a ROSTER_ROWS-row roster                             -> seconds until the check's JSON
# and counts the stored events in the database. Bounded in requests and time; stops by itself.
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-2000}
SENDERS=${2:-32}
ROWS=${3:-100000}
WORK=${BENCH_DIR:-target/bench-webhooks}
rm -rf "$WORK"; mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd)
[ -f target/hublinks.jar ] || ./mvnw -B -q -DskipTests package
cp target/hublinks.jar "$WORK/hublinks.jar"
JAR="$WORK/hublinks.jar"
export EDUME_WEBHOOK_SECRET=bench-webhook-secret
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
DB="jdbc:h2:file:$WORK/db/hublinks;AUTO_SERVER=TRUE"
printf 'Bench-pass-4242\n' | java -jar "$JAR" user add bench --role hr --users-file "$WORK/users" > /dev/null
cp sample-data/roster.csv "$WORK/roster.csv"

java ${JAVA_OPTS:-} -jar "$JAR" serve jobs/sample-nightly.yml --port "$PORT" --hublinks.serve.users-file="$WORK/users" \
  "--spring.datasource.url=$DB" --hublinks.campaign.out-dir="$WORK/out" --hublinks.roster.path="$WORK/roster.csv" \
  --logging.level.com.example.hublinks=WARN > "$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null && break
  kill -0 $SERVE 2>/dev/null || { echo "serve did not start:"; tail -5 "$WORK/serve.log"; exit 1; }
  sleep 1
done
echo "serve on port $PORT (pid $SERVE); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$PORT" "$EVENTS" "$SENDERS" <<'PY'
import concurrent.futures as cf, hashlib, hmac, http.client, json, socket, sys, threading, time
port, events, senders = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
secret = b"bench-webhook-secret"
local = threading.local()

def body(i):  # a learner-level event, distinct per i (eduMe's envelope; payload fields ASSUMED as in the samples)
    return json.dumps({"type": "learner.activity.finished", "payload": {"group": {"groupId": 101},
        "teams": [{"teamId": 5}], "learner": {"externalUserId": "B%06d" % i}, "activityType": "course",
        "course": {"courseId": 123, "courseKey": "road-safety", "title": "Road safety basics"}, "version": 1},
        "timestamp": "2026-11-%02dT%02d:%02d:%02d.000Z" % (1 + i // 86400 % 28, i // 3600 % 24, i // 60 % 60, i % 60)},
        separators=(",", ":")).encode()

def post(payload, signature):
    if not hasattr(local, "c"):
        local.c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.monotonic()
    try:
        local.c.request("POST", "/webhooks/edume", payload, {"Content-Type": "application/json", "x-edume-signature": signature})
        r = local.c.getresponse(); r.read()
        return r.status, time.monotonic() - start
    except Exception:
        local.c.close(); del local.c
        return "error", time.monotonic() - start

def phase(name, jobs):
    start = time.monotonic()
    with cf.ThreadPoolExecutor(senders) as pool:
        results = list(pool.map(lambda j: post(*j), jobs))
    took = time.monotonic() - start
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    slowest = max(t for _, t in results)
    print("%-34s %s  %.1f s, %.0f/s, slowest %.3f s" % (name, statuses, took, len(jobs) / took, slowest))
    return statuses

sign = lambda b: hmac.new(secret, b, hashlib.sha256).hexdigest()
bodies = [body(i) for i in range(events)]
phase("1. %d distinct, %d senders" % (events, senders), [(b, sign(b)) for b in bodies])
phase("2. the same again (replays)", [(b, sign(b)) for b in bodies])
phase("3. %d forged" % events, [(b, "0" * 64) for b in bodies])

# 4. slow senders: each sends its headers, then one byte a second
def trickle(out):
    b = body(10_000_000 + len(out))
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(("POST /webhooks/edume HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nx-edume-signature: %s\r\n"
               "Content-Length: %d\r\n\r\n" % (sign(b), len(b))).encode())
    start = time.monotonic()
    try:
        for i in range(len(b)):
            if time.monotonic() - start > 20:  # then they fall silent: the connector drops them after its timeout
                break
            s.sendall(b[i:i + 1]); time.sleep(1)
    except OSError:
        pass
    s.settimeout(15)  # the connector drops a client silent for server.tomcat.connection-timeout (10 s)
    try:
        answer = s.recv(200).split(b"\r\n")[0].decode()
    except OSError as e:
        answer = "closed (%s)" % e.__class__.__name__
    out.append((answer, time.monotonic() - start)); s.close()

trickled = []
slow = [threading.Thread(target=trickle, args=(trickled,)) for _ in range(8)]
for t in slow:
    t.start()
time.sleep(2)
genuine = []
for i in range(20):
    b = body(20_000_000 + i)
    genuine.append(post(b, sign(b)))
    time.sleep(0.25)
for t in slow:
    t.join()
codes = sorted(set(s for s, _ in genuine))
print("4. 20 genuine during 8 trickles     statuses %s, slowest %.3f s, median %.3f s" % (codes,
      max(t for _, t in genuine), sorted(t for _, t in genuine)[10]))
print("   the trickling clients got       %s" % sorted(set("%s after %.0f s" % (a, t) for a, t in trickled)))
PY

# what the database holds: every distinct delivery once
java -cp "$JAR" -Dloader.main=org.h2.tools.Shell org.springframework.boot.loader.launch.PropertiesLauncher \
  -url "$DB" -user sa -password "" \
  -sql "select count(*) as stored, count(distinct body_sha256) as distinct_bodies from webhook_event where body like '%\"B0%'" \
  2>/dev/null | sed 's/^/   database: /'

java -jar "$JAR" generate-roster --rows "$ROWS" --out "$WORK/roster-$ROWS.csv" --seed 1 > /dev/null
start=$(date +%s.%N)
curl -s -u bench:Bench-pass-4242 -H 'Accept: application/json' -F "file=@$WORK/roster-$ROWS.csv" \
  "http://127.0.0.1:$PORT/rosters" > "$WORK/check.json"
end=$(date +%s.%N)
python3 - "$WORK/check.json" "$start" "$end" "$ROWS" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
print("5. upload of %s rows: %.1f s until the check (status %s, %s)" % (sys.argv[4], float(sys.argv[3]) - float(sys.argv[2]),
      c["status"], c["counts"]))
PY
kill $SERVE; wait $SERVE 2>/dev/null || true
