#!/usr/bin/env bash
# Upload benchmark: API upload vs direct S3 PUT of 200 MiB and 1 GiB, app heap at -Xmx256m.
# Writes the "File uploads" section of docs/performance.md. Needs ~4 GiB free disk under $TMPDIR.
#   src/bench/uploads.sh [runs-per-size]      (default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
# The app with its embedded services (only the embedded build carries them), then the benchmark's classes.
./mvnw -B -q -Pembedded package
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.juryroom.bench.UploadBenchmark "$@"
