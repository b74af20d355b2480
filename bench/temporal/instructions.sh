#!/usr/bin/env bash
# CPU instructions per statement, counted by valgrind (callgrind) in a private single-user PostgreSQL: a
# noise-free complement to run.sh, whose pgbench figures swing with whatever else runs on the machine.
# Each statement is its own transaction, as in pgbench. Count = (N statements − 0 statements) / N.
#
# Usage: bench/temporal/instructions.sh     (environment: N statements, default 1000; needs valgrind, initdb)
set -euo pipefail

cd "$(dirname "$0")/../.."
N="${N:-1000}"
BIN="$(pg_config --bindir)"
WORK="$(mktemp -d)"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); chown postgres "$WORK"; fi
trap 'rm -rf "$WORK"' EXIT
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }

if [ -x node_modules/.bin/tsx ]; then node_modules/.bin/tsx bench/temporal/temporal-sql.ts; else npx --yes tsx@4 bench/temporal/temporal-sql.ts; fi >"$WORK/temporal.sql"
"${RUN_AS[@]}" "$BIN/initdb" -D "$WORK/data" -A trust >/dev/null

# `single [wrapper…] -- [postgres options…]`: a single-user backend, optionally run under a wrapper (valgrind).
single() {
  local wrapper=()
  while [ "$1" != -- ]; do wrapper+=("$1"); shift; done
  shift
  "${RUN_AS[@]}" "${wrapper[@]}" "$BIN/postgres" --single "$@" -D "$WORK/data" -c synchronous_commit=off postgres
}

# Single-user -j mode ends a statement at a semicolon followed by an empty line.
setup() {
  local variant="$1"
  {
    echo "DROP SCHEMA IF EXISTS bench CASCADE;"; echo
    echo "CREATE SCHEMA bench;"; echo
    case "$variant" in
      plain) echo "CREATE TABLE bench.item (id integer PRIMARY KEY, val integer NOT NULL, note text);" ;;
      *)
        echo "CREATE TABLE bench.item_hist (id integer NOT NULL, val integer NOT NULL, note text,
          sys_start timestamptz NOT NULL DEFAULT now(), sys_end timestamptz NOT NULL DEFAULT 'infinity',
          CONSTRAINT item_hist_pkey PRIMARY KEY (id, sys_start), CONSTRAINT item_hist_period_check CHECK (sys_start < sys_end));"
        ;;
    esac
    echo
    if [ "$variant" = lakegen ] || [ "$variant" = lakegen_view ]; then cat "$WORK/temporal.sql"; echo; fi
    local table=bench.item_hist
    [ "$variant" = plain ] && table=bench.item
    echo "INSERT INTO $table (id, val, note) SELECT g, 0, 'x' FROM generate_series(1, 10000) g;"; echo
    echo "VACUUM ANALYZE;"; echo
    echo "CHECKPOINT;"; echo
  } >"$WORK/setup.sql"
  single -- -j <"$WORK/setup.sql" >"$WORK/setup.log" 2>&1
  if grep -q ERROR "$WORK/setup.log"; then cat "$WORK/setup.log" >&2; exit 1; fi
}

instructions() {
  local count="$1" statement="$2"
  awk -v n="$count" -v s="$statement" 'BEGIN { srand(1); for (i = 0; i < n; i++) printf s "\n", int(rand() * 10000) + 1 }' >"$WORK/statements.sql"
  rm -f "$WORK/callgrind.out"
  single valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" -- <"$WORK/statements.sql" >"$WORK/run.log" 2>&1
  if grep -q ERROR "$WORK/run.log"; then grep -m3 ERROR "$WORK/run.log" >&2; return 1; fi
  awk '/^(summary|totals):/ { print $2; exit }' "$WORK/callgrind.out"
}

per_statement() {
  local variant="$1" statement="$2" base total
  setup "$variant"
  base="$(instructions 0 "$statement")" || exit 1
  setup "$variant"
  total="$(instructions "$N" "$statement")" || exit 1
  echo $(((total - base) / N))
}

printf '%-13s %-7s %12s %9s\n' variant stmt instr/stmt vs_plain
declare -A update=(
  [plain]="UPDATE bench.item SET val = val + 1 WHERE id = %d;"
  [hist_bare]="UPDATE bench.item_hist SET val = val + 1 WHERE id = %d AND sys_end = 'infinity';"
  [lakegen]="UPDATE bench.item_hist SET val = val + 1 WHERE id = %d AND sys_end = 'infinity';"
  [lakegen_view]="UPDATE bench.item SET val = val + 1 WHERE id = %d;"
)
plain="$(per_statement plain "${update[plain]}")" || exit 1
for variant in plain hist_bare lakegen lakegen_view; do
  count="$(per_statement "$variant" "${update[$variant]}")" || exit 1
  printf '%-13s %-7s %12d %9.2f\n' "$variant" update "$count" "$(echo "$count / $plain" | bc -l)"
done
