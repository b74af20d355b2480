/**
 * The graph of foreign keys between a database's tables: what depends on what, in which order tables can be
 * created, and which references close a cycle. Logical references are documentation, not edges.
 */
import { allTables, tableId, type Column, type Database, type Table } from './catalog.js';

export interface ReferenceEdge {
  readonly from: Table;
  readonly column: Column;
  readonly to: string;
}

export function referenceEdges(table: Table): ReferenceEdge[] {
  return table.columns
    .filter((c) => c.references && !c.references.logical)
    .map((column) => ({ from: table, column, to: `${column.references!.schema}.${column.references!.table}` }));
}

/** An edge that does not stop a row from being inserted: the column may be NULL first, or checked at commit. */
export function isSoftEdge(edge: ReferenceEdge): boolean {
  return edge.column.nullable || edge.column.references!.deferrable;
}

export interface CreationOrder {
  /** Tables in an order where every foreign key's target comes first, except the deferred ones. */
  readonly tables: readonly Table[];
  /** Foreign keys (as `schema.table.column`) that close a cycle: added with ALTER TABLE after all tables. */
  readonly deferredForeignKeys: ReadonlySet<string>;
}

/**
 * Depth-first, visiting tables and their references in name order so the result is deterministic. A reference
 * back to a table still being visited closes a cycle; that foreign key is deferred. Self-references are
 * created in place (a table may reference itself in its CREATE TABLE).
 */
export function creationOrder(database: Database): CreationOrder {
  let order = creationOrders.get(database);
  if (!order) creationOrders.set(database, (order = computeCreationOrder(database)));
  return order;
}

// The Catalog is frozen, so one order per database serves every target and validate's target checks.
const creationOrders = new WeakMap<Database, CreationOrder>();

function computeCreationOrder(database: Database): CreationOrder {
  const tables = allTables(database).sort((a, b) => compare(tableId(a), tableId(b)));
  const byId = new Map(tables.map((t) => [tableId(t), t]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: Table[] = [];
  const deferred = new Set<string>();

  const visit = (table: Table) => {
    const id = tableId(table);
    state.set(id, 'visiting');
    for (const edge of referenceEdges(table).sort((a, b) => compare(a.to, b.to) || compare(a.column.name, b.column.name))) {
      if (edge.to === id) continue;
      const target = byId.get(edge.to);
      if (!target) continue;
      const targetState = state.get(edge.to);
      if (targetState === 'visiting') deferred.add(`${id}.${edge.column.name}`);
      else if (targetState === undefined) visit(target);
    }
    state.set(id, 'done');
    ordered.push(table);
  };
  for (const table of tables) if (!state.has(tableId(table))) visit(table);
  return Object.freeze({ tables: Object.freeze(ordered), deferredForeignKeys: deferred });
}

/**
 * Cycles that no soft edge breaks: strongly connected components of the hard-edge graph (Tarjan), each
 * returned as one concrete cycle path of edges, for a message that names every table on it.
 */
export function hardCycles(database: Database): ReferenceEdge[][] {
  const tables = allTables(database).sort((a, b) => compare(tableId(a), tableId(b)));
  const ids = new Set(tables.map(tableId));
  const hard = new Map<string, ReferenceEdge[]>();
  for (const table of tables) hard.set(tableId(table), referenceEdges(table).filter((e) => !isSoftEdge(e) && ids.has(e.to)));
  const components = stronglyConnected([...hard.keys()], (id) => hard.get(id)!.map((e) => e.to));
  const cycles: ReferenceEdge[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...component].sort(compare)[0];
    const selfLoop = hard.get(start)!.find((e) => e.to === start);
    if (component.length === 1 && !selfLoop) continue;
    if (component.length === 1) {
      cycles.push([selfLoop!]);
      continue;
    }
    cycles.push(cyclePath(start, members, hard));
  }
  return cycles;
}

/** Breadth-first from start back to start within the component: the shortest cycle through start. */
function cyclePath(start: string, members: Set<string>, edges: Map<string, ReferenceEdge[]>): ReferenceEdge[] {
  const previous = new Map<string, ReferenceEdge>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of edges.get(node)!.slice().sort((a, b) => compare(a.to, b.to))) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        let at = node;
        while (at !== start) {
          const step = previous.get(at)!;
          path.unshift(step);
          at = tableId(step.from);
        }
        return path;
      }
      if (!previous.has(edge.to)) {
        previous.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return [];
}

function stronglyConnected(nodes: string[], next: (node: string) => string[]): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const connect = (node: string) => {
    indexes.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const target of next(node)) {
      if (!indexes.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, indexes.get(target)!));
      }
    }
    if (low.get(node) === indexes.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      result.push(component);
    }
  };
  for (const node of nodes) if (!indexes.has(node)) connect(node);
  return result;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
