/** A database plan as files under postgres/<database>/, with deploy.sql listing them in deploy order. */
import { fileSafeName } from '../../model/naming.js';
import { renderTemplate } from '../shared/render-template.js';
import { generatedHeader, type GeneratedFile } from '../target.js';
import type { DatabasePlan, PlanEntry } from './plan.js';
import { quoteLiteral } from './quote.js';

export function planFiles(plan: DatabasePlan): GeneratedFile[] {
  const folder = `postgres/${fileSafeName(plan.database.name)}`;
  const byFile = new Map<string, PlanEntry[]>();
  for (const entry of plan.entries) {
    const list = byFile.get(entry.file) ?? [];
    list.push(entry);
    byFile.set(entry.file, list);
  }
  const files: GeneratedFile[] = [...byFile].map(([file, entries]) => ({
    path: `${folder}/${file}`,
    contents: `${generatedHeader('--', entries[0].source ? `definitions/${entries[0].source}` : undefined)}\n\n${entries.map((e) => e.sql.trimEnd()).join('\n\n')}\n`,
  }));
  files.push({
    path: `${folder}/database.sql`,
    contents: renderTemplate('postgres', 'database.sql', {
      header: generatedHeader('--', `definitions/${plan.database.source}`),
      existsCheck: `SELECT FROM pg_database WHERE datname = ${quoteLiteral(plan.database.name)}`,
      createLiteral: quoteLiteral(plan.createDatabase),
      comment: plan.databaseComment,
    }),
  });
  files.push({
    path: `${folder}/deploy.sql`,
    contents: renderTemplate('postgres', 'deploy.sql', {
      header: generatedHeader('--'),
      database: plan.database.name,
      files: [...byFile.keys()],
    }),
  });
  return files;
}
