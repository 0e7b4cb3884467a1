#!/bin/sh
# Builds the libFuzzer targets with clang, AddressSanitizer and UBSan.
# Usage: tests/fuzz/build.sh OUTDIR. The core is pure (GLib only), so its
# sources compile here directly, outside meson and its gcc build.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:-"$top/_build-fuzz"}
CC=${CC:-clang}
mkdir -p "$out"

flags="-g -O1 -std=gnu11 -fno-omit-frame-pointer
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -I$here/include -I$top/src/core $(pkg-config --cflags glib-2.0 gobject-2.0)"
libs="$(pkg-config --libs glib-2.0 gobject-2.0)"

core="$top/src/core/cr-csv.c $top/src/core/cr-member-import.c
  $top/src/core/cr-attendance-matrix.c $top/src/core/cr-person.c
  $top/src/core/cr-date.c $top/src/core/cr-validate.c"

targets="csv member-import attendance"
# The money engineer's bank statement importer, once it exists.
if [ -f "$top/src/core/cr-transaction-import.c" ] && [ -f "$here/fuzz-transaction-import.c" ]; then
  core="$core $top/src/core/cr-transaction-import.c $top/src/core/cr-money.c"
  targets="$targets transaction-import"
fi

for t in $targets; do
  echo "  CC fuzz-$t"
  # shellcheck disable=SC2086
  $CC $flags -o "$out/fuzz-$t" "$here/fuzz-$t.c" $core $libs
done
echo "$targets" > "$out/targets"
