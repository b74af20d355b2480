/** Small pieces of PostgreSQL syntax that several parts of the target need. */
import type { ColumnDefault, ReferentialAction } from '../../model/catalog.js';
import { quoteLiteral, sqlValue } from './quote.js';

const ACTIONS: Record<ReferentialAction, string> = {
  restrict: 'RESTRICT',
  cascade: 'CASCADE',
  set_null: 'SET NULL',
  set_default: 'SET DEFAULT',
  no_action: 'NO ACTION',
};

export function referentialAction(action: ReferentialAction): string {
  return ACTIONS[action];
}

export function defaultExpression(value: ColumnDefault): string {
  return value.kind === 'sql' ? value.sql : sqlValue(value.value);
}

export function commentLiteral(text: string | undefined): string {
  return text === undefined ? 'NULL' : quoteLiteral(text);
}

/**
 * Dollar-quotes a body with a tag that does not occur in it, so no name or value inside can end the quote.
 */
export function dollarQuote(body: string, tag = 'lakegen'): string {
  let candidate = tag;
  for (let n = 1; body.includes(`$${candidate}$`); n++) candidate = `${tag}${n}`;
  return `$${candidate}$${body}$${candidate}$`;
}
