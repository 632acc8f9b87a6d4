/**
 * `report init`'s template comes out of the one YAML writer (src/report/write-yaml.ts): it checks
 * clean, reads back as the data it was made from whatever the organ's name holds, and carries the
 * format's labels and the template's hints as comments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { checkReport } from '../src/check';
import { DEFAULT_FORMAT } from '../src/format/registry';
import { nodeHost } from '../src/host';
import { initTemplate } from '../src/report/init-template';
import { tempDir } from './helpers/cli';

const template = (organ: string) => initTemplate({ format: DEFAULT_FORMAT, year: 2024, organ, schemaPath: './nianbao.schema.json' });

test('the template checks without an error or a warning of its own', () => {
  const file = path.join(tempDir(), '2024.yaml');
  fs.writeFileSync(file, template('某市生态环境局'));
  const checked = checkReport(nodeHost(), file);
  expect(checked.diagnostics.map((d) => d.code)).toEqual([]);
  expect(checked.report?.organ).toBe('某市生态环境局');
  expect(checked.report?.date).toBe('2025-01-20');
});

test.each(['某局: 办公室', '#某局', '"某局"', "某局'", '- 某局', '某局 # 注'])('an organ named %j reads back as written', (organ) => {
  expect((parse(template(organ)) as { organ: string }).organ).toBe(organ);
});

test("the format's labels and the template's hints are comments at their keys", () => {
  const text = template('某市生态环境局');
  expect(text).toContain(`format: "2021" # ${DEFAULT_FORMAT.basis}格式\n`);
  expect(text).toContain(
    '# 三、收到和处理政府信息公开申请情况\n# 只写前 6 个数时总计自动求和；勾稽关系：第一项加第二项之和，等于第三项加第四项之和\napplications:\n',
  );
  expect(text).toContain('  # total: （七）总计 — 可省略，自动求和；填写时逐格核对\n  results:\n');
  expect(text).toContain('      # 3.其他\n      other: [0, 0, 0, 0, 0, 0, 0]\n');
  expect(text).toContain('# other_matters: 其他需要报告的事项（可省略）\nprocessing_fees: {notices: 0, amount_yuan: 0, collected_yuan: 0}\n');
});
