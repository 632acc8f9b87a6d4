/** Reading table rows out of a Report by the paths in the national-format data. */
import type { Report } from './types';

/** The number array at a path such as ['applications','results','withheld','state_secret']. */
export function rowAt(report: Report, path: readonly string[]): number[] | undefined {
  let node: unknown = report;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(node) ? (node as number[]) : undefined;
}

export function setRowAt(report: Report, path: readonly string[], values: number[]): void {
  let node = report as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] as string] = values;
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** '/applications/results/withheld/state_secret' for a row path (plus a column, when given). */
export function rowPointer(path: readonly string[], column?: number): string {
  return '/' + path.join('/') + (column === undefined ? '' : `/${column}`);
}
