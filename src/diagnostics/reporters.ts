/**
 * Every diagnostics format, listed once (like render/registry.ts): `--reporter` takes its choices
 * and its help from this list, and report-diagnostics.ts prints through the chosen one.
 */
import { gccReporter } from './print-gcc';
import { githubReporter } from './print-github';
import { humanReporter } from './print-human';
import type { Reporter } from './reporter';

export const REPORTERS = [humanReporter, gccReporter, githubReporter] as const satisfies readonly Reporter[];

export type ReporterName = (typeof REPORTERS)[number]['name'];

export const REPORTER_NAMES: readonly ReporterName[] = REPORTERS.map((r) => r.name);

/** The reporter of a name (human when none is given). */
export const reporterOf = (name: ReporterName = 'human'): Reporter => REPORTERS.find((r) => r.name === name) as Reporter;
