#!/usr/bin/env bash
# Byte-identity check of the CLI's outputs against another build (issue 12: "outputs byte-identical").
#   bash bench/same-output.sh <other checkout with dist/node built> [10000-row forecast.xlsx]
# Builds nothing: run `npx tsc -p .` in both first. Compares report (.xlsx and .json) on the shipped
# examples and on the forecast given (default: generated into a temp folder), and audit --json.
# Outputs whose sheet is deflated in slices (8 M characters and more: 100 000 rows and up) differ from
# one-stream builds in that sheet's compressed body only: compare those with
#   node dist/node/bench/sameContent.js <a.xlsx> <b.xlsx> [<a.json> <b.json>]
# (every entry's name, order, headers, CRC, sizes and content bytes; see bench/sameContent.ts).
set -euo pipefail
other=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
forecast=${2:-$work/forecast-10000.xlsx}
if [ ! -f "$forecast" ]; then
  (cd "$here" && node -e "require('./dist/node/bench/generate.js').generateForecast(process.argv[1], 10000)" "$forecast")
fi
status=0
compare() { # name, args…
  local name=$1; shift
  for side in here other; do
    local root=$here; [ $side = other ] && root=$other
    mkdir -p "$work/$side"
    (cd "$root" && node dist/node/src/cli/main.js "$@" --force --quiet \
      ${OUT_XLSX:+--out "$work/$side/$name.xlsx"} --json "$work/$side/$name.json") >/dev/null || true
  done
  for ext in xlsx json; do
    [ -f "$work/here/$name.$ext" ] || continue
    if cmp -s "$work/here/$name.$ext" "$work/other/$name.$ext"; then echo "same      $name.$ext ($(stat -c %s "$work/here/$name.$ext") bytes)"
    else echo "DIFFERENT $name.$ext"; status=1; fi
  done
}
OUT_XLSX=1 compare prognos report "$here/examples/prognos-exempel.xlsx" --config "$here/examples/avvikelse.json"
OUT_XLSX=1 compare huvudbok report "$here/examples/huvudbok-exempel.xlsx" --year 2026
OUT_XLSX=1 compare forecast-10000 report "$forecast"
OUT_XLSX= compare audit-prognos audit "$here/examples/prognos-exempel.xlsx"
cp "$work/here/prognos.xlsx" "$work/rapport.xlsx"
OUT_XLSX= compare audit-rapport audit "$work/rapport.xlsx"
exit $status
