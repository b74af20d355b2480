/**
 * The DSL validators, and the config file's, as standalone code: compiling a JSON Schema with ajv at every
 * start costs more than validating a thousand tables (loading ajv and compiling config.schema.json alone took
 * 70 ms of every run of a project with a lakegen.config.yaml), so the compiled validators are committed
 * (dsl-validators.generated.ts) and a test keeps them equal to what this function produces from
 * dsl.schema.json and config.schema.json.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';

export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  // errors carry data and parentSchema: the translation names allowed keys and did-you-mean candidates
  verbose: true,
  code: { source: true, esm: true, lines: true },
} as const;

export function dslSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot(), 'generator', 'dsl', 'dsl.schema.json'), 'utf8'));
}

export function configSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot(), 'generator', 'dsl', 'config.schema.json'), 'utf8'));
}

export function validatorSource(): string {
  const schema = dslSchema();
  const config = configSchema();
  const ajv = new Ajv2020(AJV_OPTIONS);
  ajv.addSchema(schema);
  ajv.addSchema(config);
  const id = schema.$id as string;
  const code = standaloneCode.default(ajv, {
    database: `${id}#/$defs/database`,
    schema: `${id}#/$defs/schema`,
    table: `${id}#/$defs/table`,
    config: config.$id as string,
  });
  // ajv's ESM output still require()s its runtime helpers (ucs2length, equal): they come from
  // optional-modules.ts, which the CLI bundle replaces with bundled copies
  const header = [
    '// @ts-nocheck',
    '// generated from dsl.schema.json and config.schema.json by generator/dsl/validator-source.ts — do not edit',
    "import { requireAjvEqual, requireAjvUcs2length } from '../util/optional-modules.js';",
  ].join('\n');
  const body = code.replace(/^"use strict";/, '')
    .replace(/require\("ajv\/dist\/runtime\/equal"\)\.default/g, 'requireAjvEqual()')
    .replace(/require\("ajv\/dist\/runtime\/ucs2length"\)\.default/g, 'requireAjvUcs2length()');
  if (/require\(/.test(body)) throw new Error('a precompiled validator requires a module optional-modules.ts does not provide');
  return `${header}\n${body}\n`;
}
