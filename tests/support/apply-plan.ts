/** Runs a compiled PostgreSQL plan the way deploy.sql does: every entry, in order. */
import { analyzeProject } from '../../generator/project/analyze.js';
import type { Catalog } from '../../generator/model/catalog.js';
import { planDatabase, type DatabasePlan } from '../../generator/targets/postgres/plan.js';
import type { TestSession } from './database.js';

export async function catalogOf(root: string): Promise<Catalog> {
  const project = await analyzeProject({ root }, root);
  if (!project.ok) throw new Error(project.diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  return project.catalog;
}

export async function runPlan(session: TestSession, plan: DatabasePlan): Promise<void> {
  for (const entry of plan.entries) {
    try {
      await session.exec(entry.sql);
    } catch (error) {
      throw new Error(`${entry.object} (${entry.file}): ${(error as Error).message}`);
    }
  }
}

export function plansOf(catalog: Catalog): DatabasePlan[] {
  return catalog.databases.map(planDatabase);
}
