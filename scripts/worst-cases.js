#!/usr/bin/env node
/**
 * Worst-case report files for the checker. Each case repeats one pattern so that one kind of work
 * grows with the input (many diagnostics of one kind, a huge flow list, deep nesting, aliases …), in
 * two sizes: filled to just under the 1 MiB size limit, where the item limit must refuse it at once
 * (RPT1032), and filled to just under the item limit (`<name>-at-limit`), where every problem must be
 * found and summarised. `report validate` must check any of them within seconds and a bounded heap;
 * tests/hostile/bounded.cases.js runs them through the real CLI.
 *
 *   node scripts/worst-cases.js DIR      writes every case into DIR as <name>.yaml
 *
 * Generated at test time, never committed. Needs the build (the item count is the checker's own).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { scanTokens } = require('../dist/source/scan-tokens');

const SEED = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'yichun-2023.yaml'), 'utf8');
/** The CLI's limit (src/source/load-yaml.ts MAX_SOURCE_BYTES); each case stays a little under it. */
const LIMIT = 1024 * 1024;
const BUDGET = LIMIT - 4096;

/** The repetitions `line(0)`, `line(1)` … that fit between `head` and `tail` within the byte budget (in UTF-8). */
function linesWithinBudget(head, line, tail) {
  // A character is at least a byte: take lines while their characters fit, then drop lines from the end while the bytes do not.
  const fixed = Buffer.byteLength(head) + Buffer.byteLength(tail);
  const lines = [];
  for (let chars = fixed; ;) {
    const next = line(lines.length);
    chars += next.length;
    if (chars > BUDGET) break;
    lines.push(next);
  }
  for (let bytes = fixed + Buffer.byteLength(lines.join('')); bytes > BUDGET;) bytes -= Buffer.byteLength(lines.pop());
  return lines;
}

/** Repeats `line(i)` after `head` while the whole stays within the byte budget. */
const fillBytes = (head, line, tail = '') => head + linesWithinBudget(head, line, tail).join('') + tail;

/**
 * Repeats `line(i)` as often as the file stays within the item and line limits (and the byte budget):
 * the largest count that fits, as a binary search over all counts finds it. The scan of the fullest
 * text stops at the limit, and a count whose lines reach past that place stops there too, so the
 * search starts just below it and goes down by doubling steps (the tail's own items cost a few
 * lines): a few scans of a megabyte instead of about seventeen.
 */
function fillItems(head, line, tail = '') {
  const lines = linesWithinBudget(head, line, tail);
  const text = (count) => head + lines.slice(0, count).join('') + tail;
  const fits = (count) => {
    const limit = scanTokens(text(count)).stoppedAt?.limit;
    return limit !== 'items' && limit !== 'lines';
  };
  const stop = scanTokens(text(lines.length)).stoppedAt;
  if (stop?.limit !== 'items' && stop?.limit !== 'lines') return text(lines.length);
  // The lines that end before the place the fullest text stops at.
  let before = 0;
  for (let end = head.length; before < lines.length && end + lines[before].length <= stop.offset; before++) end += lines[before].length;
  // Checked rather than assumed, so the count is the binary search's whatever the scanner looks ahead.
  let [low, high] = fits(before + 1) ? [before + 1, lines.length] : [before, before + 1];
  for (let step = 1; low > 0 && !fits(low); step *= 2) [low, high] = [Math.max(0, low - step), low];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return text(low);
}

/** The seed report with one top-level key's block replaced (the key line and its indented lines). */
function replaceBlock(key, replacement) {
  const lines = SEED.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${key}:`));
  let end = start + 1;
  while (end < lines.length && (lines[end].startsWith(' ') || lines[end] === '')) end++;
  return [...lines.slice(0, start), replacement, ...lines.slice(end)].join('\n');
}

/** The seed with `overview` rewritten by `make(before, after)`: everything else stays a valid report. */
const withOverview = (make) => {
  const [before, after] = replaceBlock('overview', '\u0000').split('\u0000');
  return make(before, after);
};

/**
 * Each case: a name, the text made with a fill function (either size above), and the codes
 * `report validate` must print at the item limit. `summarised` is the code whose diagnostics exceed
 * the per-code limit there and must be summarised. A case whose text uses no fill has one size.
 */
const CASES = [
  {
    name: 'bad-list-items',
    // A list item of the wrong kind (a number where text goes), one per line.
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n', (i) => `  - ${i}\n`, after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'unknown-keys',
    text: (fill) => fill(SEED, (i) => `unknown_key_${i}: 1\n`),
    codes: ['RPT2003'],
    summarised: 'RPT2003',
  },
  {
    name: 'flow-list',
    // One line of about a million characters: [0,0,0,…] where text belongs.
    text: (fill) => withOverview((before, after) => fill(before + 'overview: [0', () => ',0', `]\n${after}`)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'deep-nesting',
    // Items nested 29 brackets deep (with the list and its key: 32, the limit), line after line.
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n', () => `  - ${'['.repeat(29)}0${']'.repeat(29)}\n`, after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'deep-headings',
    // Headings nested as deep as nesting allows, block style, again and again.
    text: (fill) =>
      withOverview((before, after) => {
        const levels = 14;
        const item = Array.from({ length: levels }, (_, depth) => {
          const pad = '  '.repeat(2 * depth + 1);
          return `${pad}- heading: 第${depth + 1}层\n${pad}  body:${depth === levels - 1 ? ' 正文\n' : '\n'}`;
        }).join('');
        return fill(`${before}overview:\n`, () => item, after);
      }),
    codes: ['RPT2013'],
    summarised: 'RPT2013',
  },
  {
    name: 'duplicate-keys',
    text: (fill) => fill(SEED, (i) => `organ: 第${i}个\n`),
    codes: ['RPT1001'],
    summarised: 'RPT1001',
  },
  {
    name: 'aliases',
    // As many aliases as a report may hold (100), after as many anchors as fit; the values are numbers where text goes.
    text: (fill) =>
      withOverview((before, after) =>
        fill(before + 'overview:\n', (i) => `  - &a${i} ${i}\n`, Array.from({ length: 100 }, (_, i) => `  - *a${i}\n`).join('') + after),
      ),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'too-many-aliases',
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n  - &a 0\n', () => '  - *a\n', after)),
    codes: ['RPT1031'],
    // The alias limit comes long before the item limit.
    fullCodes: ['RPT1031'],
  },
  {
    name: 'long-lines',
    // Ten lines of 100 KB each, an invisible control character at the end of each.
    text: (fill) =>
      withOverview((before, after) => {
        const line = () => `  - "${'很长的一段文字'.repeat(4500)}\u0007"\n`;
        return `${before}overview:\n${Array.from({ length: 10 }, line).join('')}${after}`;
      }),
    codes: ['RPT1014'],
  },
  {
    name: 'invisible-characters',
    // A bidi control in each of many list items, and a bell in as many comments.
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n', (i) => `  - 第${i}段\u202e文字 # 注\u0007\n`, after)),
    codes: ['RPT1014'],
    summarised: 'RPT1014',
  },
  {
    name: 'tabs',
    text: (fill) => fill(SEED, (i) => `\tkey_${i}: 1\n`),
    codes: ['RPT1002'],
  },
  {
    name: 'blank-items',
    // A flow list of nothing but commas.
    text: (fill) => withOverview((before, after) => fill(before + 'overview: [0', () => ',', `]\n${after}`)),
    codes: ['RPT1012'],
  },
  {
    name: 'missing-bodies',
    // Headings without a body: neither text nor a heading with its body, each one wrong item.
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n', (i) => `  - heading: 第${i}节\n`, after)),
    codes: ['RPT2002'],
    summarised: 'RPT2002',
  },
  {
    name: 'tags',
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n', () => '  - !!str 文字\n', after)),
    codes: ['RPT1015'],
    summarised: 'RPT1015',
  },
  {
    // Valid: blank lines and comments are no problem, however many fit under the line limit.
    name: 'blank-lines',
    text: (fill) => fill(SEED, () => '\n'),
    codes: [],
  },
  {
    name: 'comment-lines',
    text: (fill) => fill(SEED, (i) => `# 第${i}条注释\n`),
    codes: [],
  },
  {
    name: 'document-markers',
    text: (fill) => fill(SEED, () => '---\n'),
    codes: ['RPT1004'],
  },
  {
    // Valid at any size: one text folded over the lines of a whole 1 MiB is one value.
    name: 'folded-text',
    text: (fill) => withOverview((before, after) => fill(before + 'overview:\n  - 开始\n', (i) => `    续写第${i}行\n`, after)),
    codes: [],
    fullCodes: [],
  },
];

/**
 * Every file to check: `{name, text, codes}`, the 1 MiB size of each repeated pattern expecting the
 * item limit (RPT1032, or `fullCodes`), and its size at the limit expecting the case's own codes.
 */
function variants() {
  return CASES.flatMap((c) => {
    const atLimit = c.text(fillItems);
    const ownCodes = [...c.codes, ...(c.summarised ? ['RPT1030'] : [])];
    const full = c.text(fillBytes);
    if (full === atLimit) return [{ name: c.name, text: full, codes: ownCodes }];
    return [
      { name: c.name, text: full, codes: c.fullCodes ?? ['RPT1032'] },
      { name: `${c.name}-at-limit`, text: atLimit, codes: ownCodes },
    ];
  });
}

/** Writes every variant into `dir`; returns the paths. */
function writeCases(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return variants().map((v) => {
    const file = path.join(dir, `${v.name}.yaml`);
    fs.writeFileSync(file, v.text);
    return file;
  });
}

module.exports = { variants, LIMIT, writeCases };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/worst-cases.js DIR\n');
    process.exit(2);
  }
  for (const file of writeCases(dir)) process.stdout.write(`${file} ${fs.statSync(file).size}\n`);
}
