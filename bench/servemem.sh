#!/bin/bash
# servemem.sh BINARY CORPUS LABEL [ENV=VALUE...]
# Runs `BINARY serve` on a fresh copy of CORPUS (e.g. `go run ./bench/gen
# -n 10000 -o C10K`) and prints VmRSS/VmHWM from /proc three seconds
# after the first build and after 20 saves of different articles (a line
# appended through a temporary file renamed over the article, each
# waited for its "Rebuilt" line), with the CPU ticks of the 20 rebuilds.
# ENV=VALUE pairs are set for the server (GODEBUG=gctrace=1, GOMEMLIMIT=…).
set -e
bin=$1 corpus=$2 label=$3; shift 3
work=$(mktemp -d); d=$work/site; cp -r "$corpus" "$d"
log=$work/serve.log; : > "$log"
env "$@" "$bin" serve -s "$d" --port 0 > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; cp "$log" "/tmp/servemem-$label.log"; rm -rf "$work"' EXIT
until grep -qi 'built' "$log"; do sleep 1; kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }; done
sleep 3
st() { grep -E 'VmRSS|VmHWM' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' '; }
t0=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "$label first build: $(st)"
mapfile -t files < <(find "$d/content/articles" -name '*.md' | sort | head -400 | awk 'NR%20==1')
n0=$(grep -ci 'rebuilt' "$log" || true)
i=0
for f in "${files[@]}"; do
	i=$((i+1))
	{ cat "$f"; echo; echo "A line added in edit $i of the memory run."; } > "$f.tmp" && mv "$f.tmp" "$f"
	until [ "$(grep -ci 'rebuilt' "$log" || true)" -gt $((n0+i-1)) ]; do sleep 0.2; done
	sleep 0.5
done
sleep 3
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
echo "$label after ${#files[@]} saves: $(st) CPU ticks of the rebuilds: $((t1-t0)) (log: /tmp/servemem-$label.log)"
