/**
 * validate reports the warehouse targets' diagnostics through Target.diagnose, without generating; compile
 * through generate. Both must say exactly the same, or a pre-commit hook passes what compile refuses.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeProject } from '../../generator/project/analyze.js';
import { loadTarget } from '../../generator/targets/registry.js';
import type { Diagnostic } from '../../generator/diagnostics/diagnostic.js';
import { REPO_ROOT } from '../support/binary.js';
import { FIXTURE_NAMES, FIXTURES } from '../support/golden.js';
import { removeTempProjects, writeProject } from '../support/project.js';

afterAll(removeTempProjects);

const shown = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);

/** A table with everything a target reports: a too-wide numeric, an interval, SQL defaults, checks, a uuid key, `constructor`. */
const PORTABILITY_PROJECT = writeProject({
  'definitions/wh/database.yaml': 'name: wh\n',
  'definitions/wh/schemas/core.yaml': 'name: core\n',
  'definitions/wh/tables/core/thing.yaml': `name: thing
kind: transactional
columns:
  thing_id: uuid
  wide: "numeric(50,2)"
  span: interval?
  made: { type: timestamptz, default: { sql: "clock_timestamp()" } }
  code: { type: text, check: "code ~ '^[A-Z]+$'" }
  flag: { type: boolean, default: true, check: "flag IS NOT NULL" }
  doc: { type: jsonb, default: '{"a": 1}' }
  constructor: text?
primary_key: [thing_id]
`,
  // a column named like an Object.prototype member, on every kind: nothing may find the prototype's
  'definitions/wh/tables/core/car_hist.yaml': 'name: car_hist\nkind: temporal\nkey: [car_id]\ncolumns:\n  car_id: integer\n  constructor: text?\n',
  'definitions/wh/tables/core/team_type.yaml': 'name: team_type\nkind: reference\ncolumns:\n  team_type_id: smallint\n  constructor: text?\n'
    + 'primary_key: [team_type_id]\nrows:\n  - { team_type_id: 1, constructor: ferrari }\n  - { team_type_id: 2 }\n',
});

describe('Target.diagnose', () => {
  it.each(['definitions', ...FIXTURE_NAMES, 'portability'])('%s: says what generate says, for every warehouse target', async (fixture) => {
    const root = fixture === 'definitions' ? REPO_ROOT : fixture === 'portability' ? PORTABILITY_PROJECT : join(FIXTURES, fixture);
    const project = await analyzeProject({ root }, root);
    for (const name of ['snowflake', 'databricks', 'postgres', 'typescript', 'docs'] as const) {
      const target = await loadTarget(name);
      const generated = shown(target.generate(project.catalog, { config: project.config }).diagnostics);
      expect([name, shown(target.diagnose?.(project.catalog, { config: project.config }) ?? [])]).toEqual([name, generated]);
    }
    if (fixture === 'portability') {
      const codes = shown((await loadTarget('databricks')).diagnose!(project.catalog, { config: project.config })).map((d) => d.split(' ')[1]);
      expect(new Set(codes)).toEqual(new Set(['LG801', 'LG802', 'LG803', 'LG804']));
      expect(shown((await loadTarget('typescript')).diagnose!(project.catalog, { config: project.config })))
        .toEqual([expect.stringMatching(/car_hist\.yaml:6:3 LG805/), expect.stringMatching(/team_type\.yaml:5:3 LG805/),
          expect.stringMatching(/thing\.yaml:11:3 LG805 TypeScript: `core\.thing\.constructor` is also the name every object inherits/)]);
    }
  });
});
