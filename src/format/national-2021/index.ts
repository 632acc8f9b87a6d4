/**
 * The national format of 2021 (国办公开办函〔2021〕30号), the one nianbao builds: its labels
 * (labels.ts), table layouts (table-layout.ts) and the GB/T 9704 page standard. Its schema validator
 * is compiled at build time (scripts/gen-validator.js). Only the registry (../registry.ts) imports it.
 */
import type { Format } from '../format';
import * as page from '../page-standard';
import * as labels from './labels';
import * as layout from './table-layout';

export * from './labels';
export * from './table-layout';

export const NATIONAL_2021: Format = {
  id: '2021',
  basis: '国办公开办函〔2021〕30号',
  years: labels.REPORT_YEARS,
  labels,
  layout,
  page,
};
