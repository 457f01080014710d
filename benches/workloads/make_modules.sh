#!/usr/bin/env bash
# Writes the 1,000-module tree of the `modules` workload into DIR: m0.mjs imports m1..m10,
# m<i> imports m<10i+1>..m<10i+10> (those below 1,000), and each exports the sum of its
# children's `v` plus one; DIR/main.mjs imports m0 and checks that v is 1,000.
set -euo pipefail
dir=$1
mkdir -p "$dir"
for ((i = 0; i < 1000; i++)); do
  {
    sum="1"
    for ((k = 1; k <= 10; k++)); do
      c=$((10 * i + k))
      if ((c < 1000)); then
        echo "import { v as v$k } from \"./m$c.mjs\";"
        sum="$sum + v$k"
      fi
    done
    echo "export const v = $sum;"
  } >"$dir/m$i.mjs"
done
cat >"$dir/main.mjs" <<'JS'
import { v } from "./m0.mjs";
if (v !== 1000) throw new Error("wrong module count " + v);
JS
