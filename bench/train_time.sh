#!/usr/bin/env bash
# Times the `tandem train` command itself, as a company runs it (parsing, the
# person detector, cross-fitting, writing the file), on the full public data
# in ../shared/data: wall time and CPU time (user + sys, less sensitive to a
# busy machine than wall time), with and without --neural. Prints figures;
# asserts nothing. README "Engine" quotes them against the <= 60 s budget.
#
# Usage: bash bench/train_time.sh [DATA_DIR]   (after the native build)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
bin=build/release/bin/tandem
[[ -x $bin ]] || { echo "missing $bin: build the release preset first" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

printf '%-10s %-8s %8s %8s %10s\n' "data set" "options" "wall s" "cpu s" "gzip KB"
for set in banking77/train.csv clinc150/data_full_trainval.json; do
  name=${set%%/*}
  for options in "" "--neural"; do
    TIMEFORMAT='%R %U %S'
    # `time` reports on stderr, after the command's own progress lines.
    read -r wall user sys < <({ time "$bin" train "$data/$set" -o "$out/m.tandem" $options \
      >/dev/null 2>&1; } 2>&1 | tail -n 1)
    kb=$(gzip -9c "$out/m.tandem" | wc -c)
    awk -v n="$name" -v o="${options:--}" -v w="$wall" -v u="$user" -v s="$sys" \
      -v k="$kb" 'BEGIN { printf "%-10s %-8s %8.1f %8.1f %10.0f\n", n, o, w, u + s, k / 1024 }'
  done
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
