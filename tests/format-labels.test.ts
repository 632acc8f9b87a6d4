/**
 * The format's wording lives in src/format/ alone: a label retyped elsewhere would drift from the
 * printed table the day the format changes. This greps the code (not the comments) of every other
 * module for the labels: a long label anywhere, a short one (总计, 其他) only as a whole literal,
 * since short words also occur in ordinary messages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROLE_NAMES } from '../src/format/font-roles';
import * as national from '../src/format/national-2021';

const SRC = path.join(__dirname, '..', 'src');
const FORMAT = path.join(SRC, 'format');
/** Labels shorter than this are common words: only a literal of exactly the label counts. */
const LONG = 5;

/** Every Chinese string in the format data (English glosses left out). */
function labels(): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/[\u3400-\u9fff]/u.test(value)) found.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.entries(value).forEach(([key, v]) => key !== 'en' && walk(v));
  };
  walk(Object.values(national));
  walk(Object.values(ROLE_NAMES).map((name) => name.zh));
  return [...found];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === FORMAT ? [] : sourceFiles(file);
    return file.endsWith('.ts') ? [file] : [];
  });
}

/** A line's code: nothing of a comment line, and a line's code without its trailing `// …`. */
const code = (line: string) => (/^\s*(\/\/|\/\*|\*)/.test(line) ? '' : line.replace(/\s\/\/\s.*$/, ''));

describe('format labels', () => {
  it('finds the labels of the format', () => {
    const all = labels();
    expect(all).toContain('（七）总计');
    expect(all).toContain('仿宋（正文）');
    expect(all.length).toBeGreaterThan(60);
  });

  it('are typed nowhere in src/ outside src/format/', () => {
    const all = labels();
    const retyped: string[] = [];
    for (const file of sourceFiles(SRC)) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const text = code(line);
          for (const label of all) {
            const hit = label.length >= LONG ? text.includes(label) : ['"', "'", '`'].some((q) => text.includes(`${q}${label}${q}`));
            if (hit) retyped.push(`${path.relative(SRC, file)}:${i + 1} retypes “${label}”: import it from src/format/`);
          }
        });
    }
    expect(retyped).toEqual([]);
  });
});
