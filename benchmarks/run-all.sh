#!/usr/bin/env bash
# Runs Steward's workload harness and both anchors (CPython's manager, Java RMI) in one session on
# this machine, then prints the side-by-side ratios. Usage: benchmarks/run-all.sh [n] [workers]
# Results land in benchmarks/target/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20000}
workers=${2:-4}
anchors=../shared/anchors
out="$PWD/benchmarks/target/results"
mkdir -p "$out"
mvn -q -DskipTests -pl benchmarks -am package
mvn -q -pl benchmarks exec:exec -Dbench.args="--n $n --workers $workers --out $out/steward.json" > "$out/steward.log"
python3 "$anchors/python_manager_bench.py" --n "$n" --workers "$workers" > "$out/python.json"
"$anchors/rmi_bench.sh" "$n" "$workers" > "$out/rmi.json"
python3 "$anchors/compare.py" "$out/steward.json" "$out/python.json" "$out/rmi.json"
