#!/usr/bin/env bash
# Times ./dlt-local --no-build from the JVM's start to the first request at the bundled target, per step, over
# ROUNDS runs of the quickstart (default 3) after one run that writes the class-data archives if a build changed
# the jars, and ends with one RESULT line (seconds: operator started / first request, per round).
#   bench/local-start.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
./dlt-local --no-build >"$log" 2>&1 || { tail -n 20 "$log"; exit 1; }
results=()
for round in $(seq 1 "$rounds"); do
  start=$(date +%s%N)
  ./dlt-local --no-build >"$log" 2>&1 || { tail -n 20 "$log"; exit 1; }
  wall=$((($(date +%s%N) - start) / 1000000000))
  # console: [   6.1s] operator started / first request reached the target; local-cloud.log: start-up: <step> after X s
  at() { grep -m1 "$1" "$log" | sed -E 's/^\[ *([0-9.]+)s\].*/\1/'; }
  cloud=$(at "starting the local cloud"); operator=$(at "operator started"); first=$(at "first request reached")
  steps=$(grep "start-up:" .dlt-local/local-cloud.log | sed -E 's/.*start-up: (.*) after ([0-9.]+) s/\1 \2/' \
    | awk -v base="$cloud" '{ t = $NF; line = $0; sub(/ [^ ]+$/, "", line); printf "%s%s %.1fs", sep, line, base + t; sep = ", " }')
  echo "round $round: ${steps}; first request ${first}s; whole run ${wall}s"
  results+=("${operator}/${first}")
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RESULT bench=local-start rounds=$rounds operator_first_s=$(IFS=,; echo "${results[*]}")"
