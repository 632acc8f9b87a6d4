/**
 * The layer order of src/, written once: tests/import-cycles.test.ts enforces it and README's
 * developer section lists it (the test keeps the two the same). A unit is a folder of src/ or a top-level file. Layers run from the
 * bottom up: a unit imports only units of lower layers (and files of its own folder), never one
 * beside it or above it, so no two folders can depend on each other.
 */
export const LAYERS: readonly (readonly string[])[] = [
  // The user's cache folder, making folders, and which thread this is: also needed by bin/report before the bundle loads (cli/boot.ts).
  ['user-cache-dir.ts', 'make-directory.ts', 'worker-thread.ts'],
  // The platform, the zip format (DOCX written and read), and the data of the national formats (labels, table layouts, GB/T 9704 page standard).
  ['host.ts', 'package-root.ts', 'pinned-library.ts', 'zip.ts', 'format', 'layers.ts'],
  // The diagnostic type, the catalogue, and how diagnostics are sorted and printed.
  ['diagnostics'],
  // Reading and decoding files, YAML, positions (pointer ⇄ line:column).
  ['source'],
  // The JSON Schema generated from the format, then the report's types and values.
  ['schema'],
  ['report'],
  // Checking the data, and the renderer-neutral document model.
  ['validate', 'model'],
  // Fonts: finding, coverage of the model's characters, subsetting.
  ['fonts'],
  // The renderers, the importers, and the checker that runs load → schema → rules.
  ['render', 'import', 'check.ts'],
  // One report from source to bytes (build, import, sum, manifests), and the worker pool that runs them.
  ['core'],
  // The editing page of `report edit`: its local server, the form, the page's script and style.
  ['edit'],
  // The entry points: the command line and the library API side by side, then the single executable (which runs the CLI).
  ['cli', 'index.ts'],
  ['sea'],
];
