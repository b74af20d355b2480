/**
 * A small project with everything a warehouse target cannot carry, for the diagnostics tests of both
 * warehouse targets (tests/targets/databricks imports it too): numeric(50,2), interval, time, a check with a
 * PostgreSQL regex, an SQL default without translation, and a check both platforms can carry.
 */
import { expect } from 'vitest';
import { compileCatalog } from '../../../generator/compile/compile-project.js';
import type { Diagnostic } from '../../../generator/diagnostics/diagnostic.js';
import { analyzeProject } from '../../../generator/project/analyze.js';
import type { TargetName } from '../../../generator/project/config.js';
import { writeProject } from '../../support/project.js';

export const TABLE = 'definitions/shop/tables/core/account.yaml';
const ACCOUNT = `name: account
kind: transactional
columns:
  account_id: uuid
  balance: "numeric(50,2)"
  notice: interval?
  opens_at: time?
  code: { type: "char(3)", check: "code ~ '^[A-Z]{3}$'" }
  serial_no: { type: bigint, default: { sql: "nextval('account_serial')" } }
  limit_cents: { type: bigint, check: "limit_cents BETWEEN 0 AND 100" }
primary_key: [account_id]
`;

const PROJECT = {
  'definitions/shop/database.yaml': 'name: shop\n',
  'definitions/shop/schemas/core.yaml': 'name: core\nlayer: silver\n',
  [TABLE]: ACCOUNT,
};

/** 1-based line and column of `text` in the account definition. */
export function at(text: string): { file: string; line: number; column: number } {
  const lines = ACCOUNT.split('\n');
  const line = lines.findIndex((l) => l.includes(text));
  return { file: TABLE, line: line + 1, column: lines[line].indexOf(text) + 1 };
}

export async function diagnostics(target: TargetName): Promise<{ list: Diagnostic[]; ok: boolean }> {
  const root = writeProject(PROJECT);
  const project = await analyzeProject({ root }, root);
  expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = await compileCatalog(project.catalog, [target], project.config);
  return { list: result.diagnostics, ok: result.ok };
}

export function find(list: readonly Diagnostic[], code: string, fragment: string): Diagnostic | undefined {
  return list.find((d) => d.code === code && d.message.includes(fragment));
}
