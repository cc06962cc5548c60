#!/usr/bin/env bash
# Runs the benchmark suite (dev.dlt.bench.suite.Suite) and writes its table to bench/RESULTS.md.
#   bench/run-all.sh             build what the benchmarks need, then run everything (about 6 minutes)
#   bench/run-all.sh --quick     fewer rounds
#   bench/run-all.sh --no-build [--only engine,coldstart,operator,cloud,aggregation,spread]
# Needs JDK 21+ (25 for the AOT-cache variant) and Maven; wrk and nginx for the engine comparison
# (apt-get install wrk nginx), taskset to pin. Everything listens on loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh
build=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-build" ]; then build=0; else args+=("$arg"); fi
done
if [ "$build" = 1 ]; then
  # package (not install): the reactor resolves the sibling modules, and bench.classpath lists their jars
  mvn -q -B ${MAVEN_ARGS:-} -pl bench -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
fi
CP="bench/target/classes:$(cat bench/target/bench.classpath)"
exec java -cp "$CP" -Ddlt.root="$PWD" dev.dlt.bench.suite.Suite "${args[@]+"${args[@]}"}"
