#!/usr/bin/env bash
# Runs the workloads of benches/workloads/ (issue 20's table) on our engine and, when present,
# on python3, QuickJS, boa and XS, alternating the engines round by round in the same run, and
# prints the table: our median seconds and peak RSS, then for each peer its median seconds /
# (peer ÷ ours) — above 1, ours is faster.
#
#   benches/peers.sh [ROUNDS] [WORKLOAD...]         (default 5 rounds, every workload)
#
# Engines (a missing one is a column of "—"):
#   COMPARTMENTS  default target/release/compartments (cargo build --release)
#   QJS           default /work/peers/qjs, else qjs on PATH  (../shared/engines/build-qjs.sh DIR)
#   XST           default /work/peers/xst, else xst on PATH  (../shared/engines/build-xst.sh DIR)
#   BOA           default boa on PATH                        (cargo install boa_cli)
#   PYTHON        default python3 on PATH
#   TIMEOUT       seconds one run may take before it is killed and shown as "timeout" (60)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
rounds=${1:-5}
shift || true
pick() { for c in "$@"; do if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return; fi; done; echo ""; }
ours=$(pick "${COMPARTMENTS:-}" "$root/target/release/compartments")
qjs=$(pick "${QJS:-}" /work/peers/qjs "$(command -v qjs || true)")
xst=$(pick "${XST:-}" /work/peers/xst "$(command -v xst || true)")
boa=$(pick "${BOA:-}" "$(command -v boa || true)")
python=$(pick "${PYTHON:-}" "$(command -v python3 || true)")
[ -n "$ours" ] || { echo "peers.sh: build first (cargo build --release)" >&2; exit 1; }
modules=$(mktemp -d)
trap 'rm -rf "$modules"' EXIT
"$here/workloads/make_modules.sh" "$modules"
exec python3 - "$rounds" "$here/workloads" "$modules" "$ours" "$qjs" "$boa" "$xst" "$python" "$@" <<'PY'
import os, subprocess, sys, threading, time
rounds = int(sys.argv[1]); wl, modules = sys.argv[2], sys.argv[3]
ours, qjs, boa, xst, python = sys.argv[4:9]
only = sys.argv[9:]
WORKLOADS = [
    ("fib", "fib(25)"), ("let_loop", "3·10⁶ loop over `let` locals"),
    ("global_loop", "3·10⁶ loop over globals"), ("props", "10⁶ property updates"),
    ("churn", "10⁶ arrays + closures"), ("string_append", "string `+=` to 300k chars"),
    ("string_append_1m", "10⁶ one-char `+=`"), ("sort", "sort 10⁵ numbers"),
    ("regex_replace", "regex replace over 1 MB"), ("promises", "10⁵ promise reactions"),
    ("generators", "10⁵ generator steps"), ("json_roundtrip", "JSON round trip, 1 MB"),
    ("modules", "import 1,000-module tree"),
]
def command(engine, name):
    js = os.path.join(wl, name + ".js")
    if name == "modules":
        main = os.path.join(modules, "main.mjs")
        return {"ours": [ours, "run", "--module", main], "qjs": [qjs, "--module", main],
                "boa": [boa, "-m", main], "xst": [xst, "-m", main]}.get(engine)
    if engine == "python":
        return [python, os.path.join(wl, name + ".py")]
    return {"ours": [ours, "run", js], "qjs": [qjs, "--script", js], "boa": [boa, js],
            "xst": [xst, "-s", js]}[engine]
engines = [e for e, path in [("ours", ours), ("qjs", qjs), ("boa", boa), ("xst", xst),
                             ("python", python)] if path]
timeout = float(os.environ.get("TIMEOUT", "60"))
def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=os.path.dirname(cmd[-1]))
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if not timer.is_alive():
        proc.stderr.close()
        return None, None, ["timeout (over %g s)" % timeout]
    timer.cancel()
    err = proc.stderr.read().decode(errors="replace"); proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        return None, None, err.strip().splitlines()[-1:] or ["exit status %d" % status]
    return elapsed, usage.ru_maxrss / 1024, None
def median(xs):
    xs = sorted(xs); return xs[len(xs) // 2]
cols = ["ours", "qjs", "boa", "xst", "python"]
titles = {"ours": "ours", "qjs": "QuickJS", "boa": "boa", "xst": "XS", "python": "CPython"}
print(f"{rounds} rounds, engines alternating; cells: median seconds / (peer ÷ ours)")
print("| workload | " + " | ".join(titles[c] for c in cols) + " |")
print("|---" * (len(cols) + 1) + "|")
for name, title in WORKLOADS:
    if only and name not in only:
        continue
    times = {e: [] for e in engines}; rss = {e: [] for e in engines}; errors = {}
    for _ in range(rounds):
        for e in engines:
            cmd = command(e, name)
            if cmd is None or e in errors:
                continue
            t, m, err = run(cmd)
            if t is None:
                errors[e] = err
            else:
                times[e].append(t); rss[e].append(m)
    base = median(times["ours"]) if times["ours"] else None
    cells = []
    for c in cols:
        if c not in engines or command(c, name) is None:
            cells.append("—")
        elif c in errors:
            cells.append("timeout" if errors[c][0].startswith("timeout") else "error")
            print(f"  ({name} on {c}: {' '.join(errors[c])})", file=sys.stderr)
        elif c == "ours":
            cells.append(f"{base:.3f} s ({max(rss[c]):.0f} MiB)")
        else:
            t = median(times[c])
            cells.append(f"{t:.3f} / {t / base:.2f}" if base else f"{t:.3f}")
    print(f"| {title} | " + " | ".join(cells) + " |", flush=True)
PY
