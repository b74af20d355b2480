/** Databricks as the shared warehouse code sees it. */
import type { WarehouseDialect } from '../warehouse/dialect.js';
import { quoteIdent, quoteLiteral } from './quote.js';
import { DATABRICKS_TYPES } from './types.js';

export const DATABRICKS: WarehouseDialect = {
  target: 'databricks',
  label: 'Databricks',
  types: DATABRICKS_TYPES,
  quoteIdent,
  quoteLiteral,
  // https://docs.databricks.com/sql/language-manual/functions/current_timestamp.html
  now: 'current_timestamp()',
  // https://docs.databricks.com/sql/language-manual/functions/uuid.html (random, RFC 4122 version 4). Not as a
  // column DEFAULT: Spark requires a default to fold to a constant at analysis (INVALID_DEFAULT_VALUE.NOT_CONSTANT),
  // which current_timestamp() does (fixed per query) and the non-deterministic uuid() does not.
  uuid: 'uuid()',
  uuidDefault: false,
};
