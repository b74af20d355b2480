/** Snowflake as the shared warehouse code sees it. */
import type { WarehouseDialect } from '../warehouse/dialect.js';
import { quoteIdent, quoteLiteral } from './quote.js';
import { SNOWFLAKE_TYPES } from './types.js';

export const SNOWFLAKE: WarehouseDialect = {
  target: 'snowflake',
  label: 'Snowflake',
  types: SNOWFLAKE_TYPES,
  quoteIdent,
  quoteLiteral,
  // https://docs.snowflake.com/en/sql-reference/functions/current_timestamp
  now: 'CURRENT_TIMESTAMP()',
  // https://docs.snowflake.com/en/sql-reference/functions/uuid_string (version 4, random)
  uuid: 'UUID_STRING()',
  uuidDefault: true,
};
