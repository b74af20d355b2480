#!/usr/bin/env bash
# Temporal table throughput: pgbench UPDATE and INSERT against
#   plain        a plain table (id integer PRIMARY KEY, val, note), no triggers
#   hist_bare    the temporal table's own DDL (PRIMARY KEY (id, sys_start), CHECK) with no triggers
#   floor        the storage work §7 demands and no trigger: the open-key index too, and each UPDATE is one
#                statement that re-versions the row and inserts a closed version (a writable CTE): what any
#                trigger design must at least cost
#   lakegen      that table with lakegen's generated temporal SQL, written through the table
#   lakegen_view the same, written through the current-state view
#   periods      the plain table versioned by the `periods` extension (xocolatl), when it can be installed
# Each variant starts from a fresh, vacuumed, checkpointed copy of ROWS rows, variants take turns inside each
# round (so machine noise spreads over all of them), and the reported tps is the median of RUNS rounds.
# Every client updates its own half of the keys: two writers on one key would be a period conflict (LT001,
# behaviour 7) for the older transaction, which pgbench counts as a failed client.
#
# Usage: bench/temporal/run.sh      (environment: PGHOST, PGPORT, PGUSER, ROWS, DURATION, RUNS, CLIENTS, MODE)
set -euo pipefail

cd "$(dirname "$0")/../.."
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
ROWS="${ROWS:-10000}"
DURATION="${DURATION:-10}"
RUNS="${RUNS:-3}"
CLIENTS="${CLIENTS:-2}"
MODE="${MODE:-simple}" # pgbench -M: simple (parse and plan every statement) or prepared (isolates execution)
DB="lakegen_bench_temporal_$$"
WORK="$(mktemp -d)"

cleanup() {
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }

# --- the SQL under test: exactly what the compiler emits ----------------------------------------------------
generate_temporal_sql() {
  if [ -x node_modules/.bin/tsx ]; then
    node_modules/.bin/tsx bench/temporal/temporal-sql.ts
  else
    npx --yes tsx@4 bench/temporal/temporal-sql.ts
  fi
}
generate_temporal_sql >"$WORK/temporal.sql"

# --- the periods extension (optional) -----------------------------------------------------------------------
server_major="$(psql -X -At -d postgres -c 'SHOW server_version_num' | cut -c1-2)"
periods_available() {
  [ -f "$(pg_config --sharedir 2>/dev/null)/extension/periods.control" ] ||
    [ -f "/usr/share/postgresql/$server_major/extension/periods.control" ]
}
if ! periods_available && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "installing postgresql-$server_major-periods …"
  apt-get install -y "postgresql-$server_major-periods" >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y "postgresql-$server_major-periods" >/dev/null 2>&1; } || true
fi
VARIANTS=(plain hist_bare floor lakegen lakegen_view)
if periods_available; then VARIANTS+=(periods); else echo "periods extension not installable here: skipping it"; fi

psql -X -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
if [[ " ${VARIANTS[*]} " == *" periods "* ]]; then psql_db -c 'CREATE EXTENSION periods CASCADE' >/dev/null; fi

# --- one fresh table per variant ----------------------------------------------------------------------------
HIST_DDL="CREATE TABLE bench.item_hist (
  id integer NOT NULL,
  val integer NOT NULL,
  note text,
  sys_start timestamptz NOT NULL DEFAULT now(),
  sys_end timestamptz NOT NULL DEFAULT 'infinity',
  CONSTRAINT item_hist_pkey PRIMARY KEY (id, sys_start),
  CONSTRAINT item_hist_period_check CHECK (sys_start < sys_end)
);"

setup_variant() {
  local variant="$1"
  {
    echo "SET client_min_messages = warning;"
    echo "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;"
    echo "CREATE SEQUENCE bench.item_id START $((ROWS + 1));"
    case "$variant" in
      plain) echo "CREATE TABLE bench.item (id integer PRIMARY KEY, val integer NOT NULL, note text);" ;;
      hist_bare) echo "$HIST_DDL" ;;
      floor) echo "$HIST_DDL"; echo "CREATE UNIQUE INDEX item_hist_open_key ON bench.item_hist (id) WHERE sys_end = 'infinity';" ;;
      lakegen | lakegen_view) echo "$HIST_DDL"; cat "$WORK/temporal.sql" ;;
      periods)
        echo "CREATE TABLE bench.item (id integer PRIMARY KEY, val integer NOT NULL, note text);"
        echo "SELECT periods.add_system_time_period('bench.item', 'sys_start', 'sys_end');"
        echo "SELECT periods.add_system_versioning('bench.item');"
        ;;
    esac
    echo "INSERT INTO $(target_table "$variant") (id, val, note) SELECT g, 0, 'x' FROM generate_series(1, $ROWS) g;"
  } | psql_db >/dev/null
  psql_db -c 'VACUUM ANALYZE' -c 'CHECKPOINT' >/dev/null
}

# The relation the workload writes to, and the extra condition that selects the current row there.
target_table() {
  case "$1" in
    hist_bare | floor | lakegen) echo bench.item_hist ;;
    *) echo bench.item ;;
  esac
}
current_row_filter() {
  case "$1" in
    hist_bare | floor | lakegen) echo " AND sys_end = 'infinity'" ;;
    *) echo "" ;;
  esac
}

write_scripts() {
  local variant="$1" table filter
  table="$(target_table "$variant")"
  filter="$(current_row_filter "$variant")"
  if [ "$variant" = floor ]; then
    # the closed version gets a made-up earlier start: RETURNING gives only the new row's values
    cat >"$WORK/update-$variant.sql" <<EOF
\\set share $ROWS / $CLIENTS
\\set id random(1, :share) + (:client_id % $CLIENTS) * :share
WITH v AS (UPDATE $table SET val = val + 1, sys_start = now() WHERE id = :id$filter RETURNING id, val, note)
INSERT INTO $table (id, val, note, sys_start, sys_end)
  SELECT id, val - 1, note, now() - random() * interval '100 years' - interval '1 second', now() FROM v;
EOF
  else
    cat >"$WORK/update-$variant.sql" <<EOF
\\set share $ROWS / $CLIENTS
\\set id random(1, :share) + (:client_id % $CLIENTS) * :share
UPDATE $table SET val = val + 1 WHERE id = :id$filter;
EOF
  fi
  cat >"$WORK/insert-$variant.sql" <<EOF
INSERT INTO $table (id, val, note) VALUES (nextval('bench.item_id'), 0, 'x');
EOF
}

run_pgbench() {
  local variant="$1" workload="$2" output
  output="$(PGOPTIONS='-c synchronous_commit=off' pgbench -n -M "$MODE" -c "$CLIENTS" -j "$CLIENTS" -T "$DURATION" \
    -f "$WORK/$workload-$variant.sql" "$DB" 2>&1)" || { echo "$output" >&2; return 1; }
  if grep -q 'aborted' <<<"$output"; then echo "$output" >&2; return 1; fi
  awk '/^tps = /{ printf "%d\n", $3 }' <<<"$output"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "pgbench -M $MODE -c $CLIENTS -j $CLIENTS -T $DURATION, synchronous_commit=off, $ROWS rows, median of $RUNS rounds"
for variant in "${VARIANTS[@]}"; do write_scripts "$variant"; done
for workload in update insert; do
  for round in $(seq "$RUNS"); do
    for variant in "${VARIANTS[@]}"; do
      setup_variant "$variant"
      tps="$(run_pgbench "$variant" "$workload")"
      echo "$tps" >>"$WORK/tps-$workload-$variant"
      echo "  round $round $workload $variant: $tps tps"
    done
  done
done

echo
printf '%-8s %-14s %10s %10s %12s\n' workload variant tps vs_plain vs_hist_bare
for workload in update insert; do
  plain="$(median <"$WORK/tps-$workload-plain")"
  bare="$(median <"$WORK/tps-$workload-hist_bare")"
  for variant in "${VARIANTS[@]}"; do
    tps="$(median <"$WORK/tps-$workload-$variant")"
    printf '%-8s %-14s %10d %10.2f %12.2f\n' "$workload" "$variant" "$tps" \
      "$(echo "$tps / $plain" | bc -l)" "$(echo "$tps / $bare" | bc -l)"
  done
done
