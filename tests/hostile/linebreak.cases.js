/**
 * Hostile cases of the PDF line breaker (src/render/pdf/linebreak.ts): its dynamic program looks
 * at most one line ahead of each break, so a paragraph near the 1 MiB limit of a report, or one URL
 * of 100 KB (no separator to break at), is set within the harness's time and heap bound. And of the
 * runs found in a paragraph (model/kept-runs.ts, the HTML's marks): linear on a word of 600 KB, where a
 * pattern that retries from every letter took minutes.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse, stringify } = require('yaml');

const SEED = path.join(__dirname, '..', '..', 'fixtures', 'yichun-2023.yaml');

/** The seed with its overview replaced by `text`, as x.yaml in `dir`, built to `format`. */
function withOverview(dir, text, format = 'pdf') {
  const report = parse(fs.readFileSync(SEED, 'utf8'));
  report.overview = text;
  fs.writeFileSync(path.join(dir, 'x.yaml'), stringify(report, { lineWidth: 0 }));
  return { args: ['build', '--format', format, 'x.yaml'] };
}

const PROSE = '本机关严格落实政务公开要求，电话0795-3668066，网址http://jkq.yichun.gov.cn/，邮箱xxgk_jkq@yichun.gov.cn。';

module.exports = [
  {
    name: 'build of a report whose overview is one URL of 100 KB',
    setup: (dir) => withOverview(dir, `网址：http://www.example.gov.cn/${'a'.repeat(100 * 1024)}。`),
    expect: { exit: 0, codes: [], writes: ['output/x.pdf'] },
  },
  {
    name: 'build of a report whose overview is one paragraph of 900 KB',
    setup: (dir) => withOverview(dir, PROSE.repeat(Math.floor((900 * 1024) / Buffer.byteLength(PROSE)))),
    expect: { exit: 0, codes: [], writes: ['output/x.pdf'] },
  },
  {
    name: 'HTML of a report whose overview is one word of 300 K letters and 300 K digits',
    setup: (dir) => withOverview(dir, `${'a'.repeat(300 * 1024)}${'1'.repeat(300 * 1024)}。`, 'html'),
    expect: { exit: 0, codes: [], writes: ['output/x.html'] },
  },
];
