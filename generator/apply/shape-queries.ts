/**
 * The catalog queries of shape-drift.ts, for all existing tables at once: each table is a row of a VALUES list
 * (its index and the live relation), so a database of thousands of tables costs a handful of round trips.
 */
import { quoteLiteral } from '../targets/postgres/quote.js';

/** Per table: the live relation and the temporary view, both as quoted qualified names. */
export type Relations = readonly { readonly live: string }[];

export interface LiveCheck { i: number; name: string; expression: string }
export interface LiveKey { i: number; name: string; kind: 'p' | 'u' | 'x'; columns: string; definition: string }
export interface LiveIndex { i: number; name: string; unique: boolean; partial: boolean; columns: string }
export interface LiveForeignKey {
  i: number; name: string; columns: string; target_schema: string; target_table: string; target_columns: string;
  on_delete: string; on_update: string; deferred: boolean;
}

function pairs(relations: Relations): string {
  return `WITH pairs(i, live) AS (VALUES ${relations.map((r, i) => `(${i}, ${quoteLiteral(r.live)}::regclass)`).join(', ')})`;
}

/** The names of a constraint's or index's columns, in order, comma-separated. */
const columnNames = (attnums: string, relation: string) => `(SELECT string_agg(coalesce(a.attname, '(expression)'), ',' ORDER BY u.ord)
  FROM unnest(${attnums}) WITH ORDINALITY u(attnum, ord) LEFT JOIN pg_attribute a ON a.attrelid = ${relation} AND a.attnum = u.attnum)`;

export const liveChecksSql = (relations: Relations) => `${pairs(relations)}
  SELECT p.i, k.conname AS name, pg_get_expr(k.conbin, k.conrelid) AS expression
    FROM pairs p JOIN pg_constraint k ON k.conrelid = p.live AND k.contype = 'c'`;

export const keysSql = (relations: Relations) => `${pairs(relations)}
  SELECT p.i, k.conname AS name, k.contype AS kind, ${columnNames('k.conkey', 'k.conrelid')} AS columns,
         pg_get_constraintdef(k.oid) AS definition
    FROM pairs p JOIN pg_constraint k ON k.conrelid = p.live AND k.contype IN ('p', 'u', 'x')`;

/** Indexes of their own, not those behind a primary key or unique constraint. */
export const indexesSql = (relations: Relations) => `${pairs(relations)}
  SELECT p.i, ci.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
         ${columnNames('x.indkey::int2[]', 'x.indrelid')} AS columns
    FROM pairs p JOIN pg_index x ON x.indrelid = p.live JOIN pg_class ci ON ci.oid = x.indexrelid
   WHERE NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = p.live)`;

export const foreignKeysSql = (relations: Relations) => `${pairs(relations)}
  SELECT p.i, k.conname AS name, ${columnNames('k.conkey', 'k.conrelid')} AS columns,
         tn.nspname AS target_schema, tc.relname AS target_table, ${columnNames('k.confkey', 'k.confrelid')} AS target_columns,
         k.confdeltype AS on_delete, k.confupdtype AS on_update, k.condeferrable AND k.condeferred AS deferred
    FROM pairs p JOIN pg_constraint k ON k.conrelid = p.live AND k.contype = 'f'
    JOIN pg_class tc ON tc.oid = k.confrelid JOIN pg_namespace tn ON tn.oid = tc.relnamespace`;

export interface PrintedDefault { i: number; name: string; definition: string }

/** Column defaults of the live tables. */
export const liveDefaultsSql = (relations: Relations) => `${pairs(relations)}
  SELECT p.i, a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS definition
    FROM pairs p JOIN pg_attrdef d ON d.adrelid = p.live JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum`;

/** Column defaults of the temporary views: `views` as (table index, `pg_temp.<view>`). */
export const viewDefaultsSql = (views: readonly { i: number; view: string }[]) => `
  SELECT v.i, a.attname AS name, pg_get_expr(d.adbin, d.adrelid) AS definition
    FROM (VALUES ${views.map((v) => `(${v.i}, ${quoteLiteral(v.view)}::regclass)`).join(', ')}) v(i, rel)
    JOIN pg_attrdef d ON d.adrelid = v.rel JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum`;

/** $1: the temporary views' names. */
export const viewDefinitionsSql = `SELECT v.view, pg_get_viewdef(('pg_temp.' || v.view)::regclass) AS definition
  FROM unnest($1::text[]) AS v(view)`;
