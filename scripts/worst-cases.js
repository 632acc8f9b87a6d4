#!/usr/bin/env node
/**
 * Worst-case report files for the checker: each is just under the 1 MiB size limit and built so that
 * one kind of work grows with the input (many diagnostics of one kind, a huge flow list, deep
 * nesting, aliases, one long line …). `report validate` must check any of them within seconds and a
 * bounded heap; tests/hostile/bounded.cases.js runs them through the real CLI.
 *
 *   node scripts/worst-cases.js DIR      writes every case into DIR as <name>.yaml
 *
 * Generated at test time, never committed.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'yichun-2023.yaml'), 'utf8');
/** The CLI's limit (src/source/load-yaml.ts MAX_SOURCE_BYTES); each case stays a little under it. */
const LIMIT = 1024 * 1024;
const BUDGET = LIMIT - 4096;

/** Repeats `line(i)` after `head` while the whole stays within the budget (in UTF-8 bytes). */
function fill(head, line, tail = '') {
  const parts = [head];
  let bytes = Buffer.byteLength(head) + Buffer.byteLength(tail);
  for (let i = 0; ; i++) {
    const next = line(i);
    const size = Buffer.byteLength(next);
    if (bytes + size > BUDGET) break;
    parts.push(next);
    bytes += size;
  }
  parts.push(tail);
  return parts.join('');
}

/** The seed report with one top-level key's block replaced (the key line and its indented lines). */
function replaceBlock(key, replacement) {
  const lines = SEED.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end] === '')) end++;
  return [...lines.slice(0, start), replacement, ...lines.slice(end)].join('\n');
}

/** The seed with `overview` rewritten: everything else stays a valid report. */
const withOverview = (make) => {
  const [before, after] = replaceBlock('overview', '\u0000').split('\u0000');
  return before + make(after);
};

/**
 * Each case: a name (the file is <name>.yaml), the text, and the codes `report validate` must print.
 * `summarised` is the code whose diagnostics exceed the per-code limit and must be summarised.
 */
const CASES = [
  {
    name: 'bad-list-items',
    // A list item of the wrong kind (a number where text goes), one per line.
    text: () => withOverview((after) => fill('overview:\n', (i) => `  - ${i}\n`, after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'unknown-keys',
    text: () => fill(SEED, (i) => `unknown_key_${i}: 1\n`),
    codes: ['RPT2003'],
    summarised: 'RPT2003',
  },
  {
    name: 'flow-list',
    // One line of about a million characters: [0,0,0,…] where text belongs.
    text: () => withOverview((after) => fill('overview: [0', () => ',0', `]\n${after}`)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'deep-nesting',
    // Items nested 29 brackets deep (with the list and its key: 32, the limit), line after line.
    text: () => withOverview((after) => fill('overview:\n', () => `  - ${'['.repeat(29)}0${']'.repeat(29)}\n`, after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'deep-headings',
    // Headings nested as deep as nesting allows, block style, again and again.
    text: () =>
      withOverview((after) => {
        const levels = 14;
        const item = Array.from({ length: levels }, (_, depth) => {
          const pad = '  '.repeat(2 * depth + 1);
          return `${pad}- heading: 第${depth + 1}层\n${pad}  body:${depth === levels - 1 ? ' 正文\n' : '\n'}`;
        }).join('');
        return fill('overview:\n', () => item, after);
      }),
    codes: ['RPT2013'],
    summarised: 'RPT2013',
  },
  {
    name: 'duplicate-keys',
    text: () => fill(SEED, (i) => `organ: 第${i}个\n`),
    codes: ['RPT1001'],
    summarised: 'RPT1001',
  },
  {
    name: 'aliases',
    // As many aliases as a report may hold (100), after as many anchors as fit; the values are numbers where text goes.
    text: () =>
      withOverview((after) => fill('overview:\n', (i) => `  - &a${i} ${i}\n`, Array.from({ length: 100 }, (_, i) => `  - *a${i}\n`).join('') + after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'too-many-aliases',
    text: () => withOverview((after) => fill('overview:\n  - &a 0\n', () => '  - *a\n', after)),
    codes: ['RPT1031'],
  },
  {
    name: 'long-lines',
    // Ten lines of 100 KB each, an invisible control character at the end of each.
    text: () =>
      withOverview((after) => {
        const line = () => `  - "${'很长的一段文字'.repeat(4500)}\u0007"\n`;
        return `overview:\n${Array.from({ length: 10 }, line).join('')}${after}`;
      }),
    codes: ['RPT1014'],
  },
  {
    name: 'invisible-characters',
    // A bidi control in each of many list items, and a bell in as many comments.
    text: () => withOverview((after) => fill('overview:\n', (i) => `  - 第${i}段\u202e文字 # 注\u0007\n`, after)),
    codes: ['RPT1014'],
    summarised: 'RPT1014',
  },
  {
    name: 'tabs',
    text: () => fill(SEED, (i) => `\tkey_${i}: 1\n`),
    codes: ['RPT1002'],
  },
  {
    name: 'blank-items',
    // A flow list of nothing but commas.
    text: () => withOverview((after) => fill('overview: [0', () => ',', `]\n${after}`)),
    codes: ['RPT1012'],
  },
  {
    name: 'missing-bodies',
    // Headings without a body: neither text nor a heading with its body, each one wrong item.
    text: () => withOverview((after) => fill('overview:\n', (i) => `  - heading: 第${i}节\n`, after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
];

/** Writes every case into `dir`; returns the paths. */
function writeCases(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return CASES.map((c) => {
    const file = path.join(dir, `${c.name}.yaml`);
    fs.writeFileSync(file, c.text());
    return file;
  });
}

module.exports = { CASES, LIMIT, writeCases };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/worst-cases.js DIR\n');
    process.exit(2);
  }
  for (const file of writeCases(dir)) process.stdout.write(`${file} ${fs.statSync(file).size}\n`);
}
