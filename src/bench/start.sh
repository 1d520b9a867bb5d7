#!/usr/bin/env bash
# Production start-up: time from launch to the first 200 of /q/health/ready, on an existing migrated database,
# session 8's documented command ("old") and the documented one ("new", src/main/jvm/juryroom.jvm) interleaved N times.
# PostgreSQL, S3 and SMTP run in a JVM of their own (bench/BenchServices), as in APP=production src/bench/api.sh.
# Writes the "start" section of docs/operations.md between its markers (STARTBENCH_NODOC=1: print only).
#   src/bench/start.sh [rounds]      (default 5; SKIP_BUILD=1 reuses target/quarkus-app and the test classes)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ROUNDS=${1:-5}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q package -DskipTests
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
APP=$ROOT/target/quarkus-app
[ -f "$APP/juryroom.jvm" ] || { echo "no $APP/juryroom.jvm: build the production package (./mvnw package)"; exit 1; }
WORK=$(mktemp -d /tmp/juryroom-startbench-XXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { [ -n "${SVC:-}" ] && kill "$SVC" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
java -Xmx128m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.juryroom.bench.BenchServices \
  "$WORK/data" > "$WORK/services.log" 2>&1 &
SVC=$!
for _ in $(seq 600); do grep -q '^Bench services:' "$WORK/services.log" && break; sleep 0.2; done
read -r PG S3 SMTP < <(sed -n 's/^Bench services: PostgreSQL \([0-9]*\) S3 \([0-9]*\) SMTP \([0-9]*\).*/\1 \2 \3/p' "$WORK/services.log")
[ -n "${SMTP:-}" ] || { echo "services did not start"; cat "$WORK/services.log"; exit 1; }

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG/postgres QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres QUARKUS_MINIO_HOST=http://127.0.0.1 QUARKUS_MINIO_PORT=$S3 \
  QUARKUS_MINIO_ACCESS_KEY=juryroom-embedded QUARKUS_MINIO_SECRET_KEY=juryroom-embedded-secret JURYROOM_BUCKET=juryroom \
  JURYROOM_SESSION_KEY=start-benchmark-session-key-0123456789abcdef QUARKUS_MAILER_HOST=127.0.0.1 \
  QUARKUS_MAILER_PORT=$SMTP QUARKUS_MAILER_FROM='JuryRoom <juryroom@example.org>' \
  JURYROOM_PUBLIC_URL=http://127.0.0.1:$PORT QUARKUS_HTTP_PORT=$PORT JURYROOM_ORGANISER_PASSWORD=organiser

# start LABEL java-args...: prints "ms cpu-ms" from launch (from the app's directory, as documented) to ready.
start() {
  local label=$1; shift
  local t0; t0=$(date +%s%N)
  (cd "$APP" && exec java "$@" -jar quarkus-run.jar) > "$WORK/$label.log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "the app ($label) died:" >&2; tail -20 "$WORK/$label.log" >&2; exit 1; }
    sleep 0.02
  done
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local cpu; cpu=$(awk '{print ($14+$15)*10}' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$ms $cpu"
}
OLD=(-Xmx128m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -Xss512k -XX:SharedArchiveFile=app-cds.jsa)
NEW=(@juryroom.jvm)
echo "First start: migrates the empty database (not counted)"
start first "${NEW[@]}" > /dev/null
declare -a old_ms new_ms rows
for i in $(seq "$ROUNDS"); do
  read -r oms ocpu < <(start old "${OLD[@]}")
  read -r nms ncpu < <(start new "${NEW[@]}")
  old_ms+=("$oms"); new_ms+=("$nms")
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  rows+=("| $i | $oms ms (CPU $ocpu ms) | $nms ms (CPU $ncpu ms) | $(awk "BEGIN{printf \"%.2f\", $nms/$oms}") | $load |")
  echo "round $i: old $oms ms (CPU $ocpu ms), new $nms ms (CPU $ncpu ms); load $load"
done
# How much of the start the class-data archive carries (the build trains it on a real start: bench/ArchiveTraining).
start classes "${NEW[@]}" -Xlog:class+load=info:file="$WORK/classes.txt" > /dev/null
coverage="Classes loaded by the documented command from launch to ready and stop: $(grep -c 'source: shared objects file' "$WORK/classes.txt") of $(wc -l < "$WORK/classes.txt") from the class-data archive."
echo "$coverage"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
mo=$(median "${old_ms[@]}"); mn=$(median "${new_ms[@]}")
summary="Median start to ready: old $mo ms, new $mn ms (new/old $(awk "BEGIN{printf \"%.2f\", $mn/$mo}"); target <= 5000 ms)."
echo "$summary"
[ "${STARTBENCH_NODOC:-0}" = 1 ] && exit 0
section=$(
  echo "Measured by \`src/bench/start.sh $ROUNDS\` on $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(java -version 2>&1 | head -1),"
  echo "the production package on a migrated database, from launch to the first 200 of \`/q/health/ready\`, interleaved."
  echo "Old: \`java ${OLD[*]} -jar quarkus-run.jar\` (session 8's documented command). New: \`java @juryroom.jvm -jar quarkus-run.jar\`"
  echo "(\`juryroom.jvm\`: \`$(grep -v '^#' "$APP/juryroom.jvm" | tr '\n' ' ' | sed 's/ *$//')\`). Both on this build of the app."
  echo
  echo "| round | old | new | new/old | load 1/5/15 min |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "$summary"
  echo "$coverage"
)
python3 - "$ROOT/docs/operations.md" "$section" <<'EOF'
import sys, re
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
start, end = "<!-- start-benchmark:start -->", "<!-- start-benchmark:end -->"
new = start + "\n" + section + "\n" + end
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: new, text, flags=re.S)
else:
    text = text.replace("## Memory\n", new + "\n\n## Memory\n", 1)
open(path, "w").write(text)
EOF
echo "Wrote docs/operations.md (start-benchmark section)"
