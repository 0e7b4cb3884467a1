#!/bin/sh
# Runs every libFuzzer target built by build.sh, sharing SECONDS (default 600)
# between them. The seeds in tests/fuzz/corpus/NAME are read, never written;
# what the fuzzer finds goes to OUTDIR/corpus/NAME and any crash to
# OUTDIR/crashes/, and the run fails if there is one.
# Usage: tests/fuzz/run.sh OUTDIR [SECONDS]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out=$1
total=${2:-600}
targets=$(cat "$out/targets")
n=$(echo $targets | wc -w)
each=$(( (total + n - 1) / n ))
failed=""

mkdir -p "$out/crashes"
for t in $targets; do
  mkdir -p "$out/corpus/$t"
  echo "== fuzz-$t for ${each}s"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
       UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
       "$out/fuzz-$t" -max_total_time="$each" -timeout=10 -rss_limit_mb=2048 \
         -max_len=65536 -print_final_stats=1 \
         -dict="$here/dict/csv.dict" \
         -artifact_prefix="$out/crashes/$t-" \
         "$out/corpus/$t" "$here/corpus/$t" > "$out/fuzz-$t.log" 2>&1; then
    failed="$failed $t"
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added)|^Done' "$out/fuzz-$t.log" || true
done

if [ -n "$failed" ]; then
  echo "fuzzing found a crash in:$failed (see $out/fuzz-*.log and $out/crashes/)" >&2
  exit 1
fi
echo "fuzzing: no crash in $targets (${total}s in all)"
