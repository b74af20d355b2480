/**
 * The portability report (DESIGN.md §8): per database and target, what stops being enforced, which types
 * change meaning and which temporal behaviour becomes a scheduled pipeline. Targets add notes while they
 * generate, so the report describes exactly the DDL next to it; this module only collects and orders them
 * into render-ready data for the target's PORTABILITY.md template.
 */
import type { Table } from '../../model/catalog.js';
import { tableId } from '../../model/catalog.js';

export const NOTE_TOPICS = ['constraints', 'types', 'defaults', 'indexes', 'names', 'temporal'] as const;
export type NoteTopic = (typeof NOTE_TOPICS)[number];

const TOPIC_TITLES: Record<NoteTopic, string> = {
  constraints: 'Constraints',
  types: 'Types whose meaning changed',
  defaults: 'Defaults',
  indexes: 'Indexes',
  names: 'Names',
  temporal: 'Temporal behaviour',
};

export interface ReportSection {
  readonly title: string;
  readonly source?: string;
  readonly topics: readonly { readonly title: string; readonly notes: readonly string[] }[];
}

export interface ReportView {
  readonly header: string;
  readonly title: string;
  readonly intro: readonly string[];
  readonly general: readonly string[];
  readonly sections: readonly ReportSection[];
}

export class PortabilityNotes {
  private readonly general: string[] = [];
  /** By the Table object itself: a note is added for nearly every column, and an id string per note cost more. */
  private readonly byTable = new Map<Table, Map<NoteTopic, string[]>>();

  /** A note about the whole database (added once, however often it is asked for). */
  addGeneral(note: string): void {
    if (!this.general.includes(note)) this.general.push(note);
  }

  add(table: Table, topic: NoteTopic, note: string): void {
    let topics = this.byTable.get(table);
    if (!topics) this.byTable.set(table, (topics = new Map()));
    const notes = topics.get(topic);
    if (notes) notes.push(note);
    else topics.set(topic, [note]);
  }

  /** Sections in the order of `tables`; a table with nothing to report says so, so none looks forgotten. */
  view(tables: readonly Table[], head: { header: string; title: string; intro: readonly string[] }): ReportView {
    const sections = [...tables]
      .sort((a, b) => (tableId(a) < tableId(b) ? -1 : tableId(a) > tableId(b) ? 1 : 0))
      .map((table) => {
        const topics = this.byTable.get(table);
        return {
          title: tableId(table),
          source: `definitions/${table.source}`,
          topics: NOTE_TOPICS.filter((t) => topics?.has(t)).map((t) => ({ title: TOPIC_TITLES[t], notes: topics!.get(t)! })),
        };
      });
    return { ...head, general: this.general, sections };
  }
}

/** Inline code in Markdown, with a fence long enough for any backticks inside (CommonMark). */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}
