/**
 * The 2019 试行 format (国办公开办函〔2019〕60号), for reading only: the labels by which `report import`
 * tells a table printed in it and maps what it can onto the 2021 rows (labels.ts). nianbao never
 * builds it. Only the registry (../registry.ts) imports it.
 */
export * from './labels';
