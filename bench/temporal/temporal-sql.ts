/**
 * Prints the generated temporal SQL for the benchmark table bench.item_hist (view bench.item), so that
 * run.sh measures exactly what the compiler emits. Run with tsx: `npx tsx bench/temporal/temporal-sql.ts`.
 */
import { temporalSql } from '../../generator/targets/postgres/temporal.js';

process.stdout.write(
  temporalSql({
    schema: 'bench',
    table: 'item_hist',
    view: 'item',
    keyColumns: ['id'],
    columns: [
      { name: 'id', sqlType: 'integer' },
      { name: 'val', sqlType: 'integer' },
      { name: 'note', sqlType: 'text' },
    ],
  }),
);
