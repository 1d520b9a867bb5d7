#!/usr/bin/env bash
# API benchmark: scorecard PUT (Basic, Bearer) vs pgbench at 1/4/16 clients; public shortlist vs nginx.
# Writes the "API, scorecard saves and the public shortlist" section of docs/performance.md.
# Needs pgbench (postgresql-client) and nginx (Debian packages) on the PATH.
#   src/bench/api.sh [seconds-per-figure]      (default 10)
#   APP=production src/bench/api.sh [seconds]  the same scenario against the production package (services in
#                                              a JVM of their own); prints the figures, leaves the doc alone
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pgbench >/dev/null || { echo "pgbench not found (apt-get install postgresql-client)"; exit 1; }
command -v nginx >/dev/null || export PATH="$PATH:/usr/sbin"
command -v nginx >/dev/null || { echo "nginx not found (apt-get install nginx)"; exit 1; }
# The app with its embedded services (only the embedded build carries them), then the benchmark's classes.
if [ "${APP:-embedded}" = production ]; then ./mvnw -B -q package -DskipTests; else ./mvnw -B -q -Pembedded package; fi
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Dbench.app="${APP:-embedded}" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.juryroom.bench.ApiBenchmark "$@"
