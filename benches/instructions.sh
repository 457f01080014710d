#!/usr/bin/env bash
# Instruction counts (callgrind) of a workload of benches/workloads/: runs it with its first
# line `const N = ...;` set to 0 and to COUNT, and prints the instructions of each run and
# (difference) / COUNT — the cost of one iteration with start-up subtracted.
#
#   benches/instructions.sh WORKLOAD COUNT [OUT_DIR]
#
# With OUT_DIR the callgrind output of the COUNT run is kept there (callgrind_annotate it;
# for per-line figures, point COMPARTMENTS at a `cargo build --profile profiling` binary).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${COMPARTMENTS:-$(dirname "$here")/target/release/compartments}
name=$1 count=$2 out=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
instructions() {
  local n=$1
  sed "1s/^\(const\|var\|let\) N = [0-9]*;/\1 N = $n;/" "$here/workloads/$name.js" >"$work/$name.js"
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$n" "$bin" run "$work/$name.js" \
    >/dev/null 2>"$work/log.$n" || { cat "$work/log.$n" >&2; exit 1; }
  grep -o 'Collected : [0-9]*' "$work/log.$n" | grep -o '[0-9]*$'
}
zero=$(instructions 0)
full=$(instructions "$count")
[ -z "$out" ] || { mkdir -p "$out"; cp "$work/cg.$count" "$out/callgrind.$name.$count"; }
echo "$name: N=0 $zero, N=$count $full, per iteration $(( (full - zero) / count ))"
