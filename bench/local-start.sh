#!/usr/bin/env bash
# Times ./dlt-local --no-build from the JVM's start to the first request at the bundled target, per phase,
# over ROUNDS runs of the quickstart (default 3), and ends with one RESULT line.
#   bench/local-start.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
results=()
for round in $(seq 1 "$rounds"); do
  start=$(date +%s%N)
  ./dlt-local --no-build >"$log" 2>&1 || { tail -n 20 "$log"; exit 1; }
  wall=$((($(date +%s%N) - start) / 1000000000))
  # [  10.8s] target server on ... / operator started / first request reached the target
  at() { grep -m1 "$1" "$log" | sed -E 's/^\[ *([0-9.]+)s\].*/\1/'; }
  cloud=$(at "target server on"); operator=$(at "operator started"); first=$(at "first request reached")
  echo "round $round: cloud ready ${cloud}s, operator ready ${operator}s, first request ${first}s, whole run ${wall}s"
  results+=("${cloud}/${operator}/${first}")
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "RESULT bench=local-start rounds=$rounds cloud_operator_first_s=$(IFS=,; echo "${results[*]}")"
