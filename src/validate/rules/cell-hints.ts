/** Hints that point at each cell a sum was computed from, so editors can show them as labels. */
import type { Hint } from '../../diagnostics/diagnostic';

export interface Term {
  label: string;
  en: string;
  value: number;
  pointer: string;
}

export function cellHints(terms: readonly Term[]): Hint[] {
  return terms.map((t) => ({ zh: `${t.label} = ${t.value}`, en: `${t.en} = ${t.value}`, pointer: t.pointer }));
}
