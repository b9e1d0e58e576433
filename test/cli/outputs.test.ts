import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, ROOT, SAMPLE, SEED_CODES, withTempDir } from '../helpers/cli.js';
import { hasPoppler, pdfText } from '../helpers/office.js';

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const MID_YEAR = join(SAMPLE, 'actuals-mid-year.yaml');
const RULES = ['extends: national', 'id: local', 'label: 本地规则', 'description: 测试用。', ''].join('\n');

/** Every file in `dir` with its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'base64')]));
}

describe('-o onto an input is refused, whatever kind of input', () => {
  it.each([
    ['score', ['score', GOALS, YEAR_END]],
    ['monitor', ['monitor', GOALS, MID_YEAR, '--as-of', '2025-06-30']],
  ])('%s -o onto its --rules file, and onto the file that rule set extends', (_, args) => {
    withTempDir((dir) => {
      writeFileSync(join(dir, 'base.yaml'), RULES.replace('id: local', 'id: base'));
      writeFileSync(join(dir, 'local.yaml'), RULES.replace('extends: national', 'extends: ./base.yaml'));
      for (const target of ['local.yaml', 'base.yaml']) {
        const before = snapshot(dir);
        const r = jixiao([...args, '--rules', './local.yaml', '-o', target], { cwd: dir });
        expect(r.stderr).toContain(`错误：输出文件不能是输入文件：${target}（输入文件不会被修改）`);
        expect(r.status).toBe(2);
        expect(snapshot(dir)).toEqual(before);
      }
    });
  });

  it('report: a report file that would replace the --rules file is refused before anything is written', () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, 'out'));
      const rules = `out/${SEED_CODES[0]}-self-evaluation.md`;
      writeFileSync(join(dir, rules), RULES);
      const before = snapshot(join(dir, 'out'));
      const r = jixiao(['report', GOALS, YEAR_END, '--format', 'md', '--rules', `./${rules}`, '-o', 'out'], {
        cwd: dir,
      });
      expect(r.stderr).toContain(`错误：输出文件不能是输入文件：${join(dir, rules)}（输入文件不会被修改）`);
      expect(r.status).toBe(2);
      expect(snapshot(join(dir, 'out'))).toEqual(before);
    });
  });
});

describe('template -o onto an existing file', () => {
  it('refuses without --force (a filled actuals file is not replaced), replaces with it', () => {
    withTempDir((dir) => {
      const filled = join(dir, 'actuals.yaml');
      writeFileSync(filled, readFileSync(YEAR_END));
      const r = jixiao(['template', GOALS, '-o', filled]);
      expect(r.stderr).toBe(
        `错误：${filled} 已存在，未覆盖（它可能是已填写的实际完成情况）；确要用空白模板替换它，请加 --force\n`,
      );
      expect(r.status).toBe(2);
      expect(readFileSync(filled, 'utf8')).toBe(readFileSync(YEAR_END, 'utf8'));
      for (const out of [filled, join(dir, 'actuals.xlsx')]) {
        if (out.endsWith('.xlsx')) writeFileSync(out, 'old');
        expect(jixiao(['template', GOALS, '-o', out]).status).toBe(2);
        expect(jixiao(['template', GOALS, '-o', out, '--force']).status).toBe(0);
        expect(readFileSync(out, 'utf8')).not.toBe('old');
      }
      expect(readFileSync(filled, 'utf8')).toContain('schema: jixiao/actuals@1');
    });
  });
});

describe('temp files of a killed run are swept', () => {
  const dead = (name: string) => `.${name}.4194305.0badf00d.tmp`; // above the default pid_max: no such process
  it.each([
    ['score', (o: string) => ['score', GOALS, YEAR_END, '-o', o], 'score.json'],
    ['monitor', (o: string) => ['monitor', GOALS, MID_YEAR, '--as-of', '2025-06-30', '-o', o], 'm.txt'],
    ['import', (o: string) => ['import', join(SAMPLE, 'goals-document.txt'), '-o', o], 'goals.json'],
    ['template', (o: string) => ['template', GOALS, '-o', o], 'actuals.yaml'],
  ])('%s -o removes the temp files a killed run left for the same file, and only those', (_, args, name) => {
    withTempDir((dir) => {
      const other = dead('other.json');
      writeFileSync(join(dir, dead(name)), 'half');
      writeFileSync(join(dir, other), 'half');
      const r = jixiao(args(name), { cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir).sort()).toEqual([other, name].sort());
    });
  });
});

describe('a failed report leaves the previous set whole', () => {
  /** The sample's reports as they were, in a folder the next run writes to. */
  function previousSet(dir: string): string {
    const out = join(dir, 'out');
    expect(jixiao(['report', GOALS, YEAR_END, '--format', 'md', '-o', out]).status).toBe(0);
    // The previous set differs from what this run would write.
    for (const n of readdirSync(out)) writeFileSync(join(out, n), `旧版 ${n}\n`);
    return out;
  }

  it('a template error in the last document (the summary) writes none of the projects', () => {
    withTempDir((dir) => {
      const out = previousSet(dir);
      const before = snapshot(out);
      const t = join(dir, 'tpl');
      mkdirSync(t);
      writeFileSync(join(t, 'department.md.hbs'), '{{no.such.field}}\n');
      const r = jixiao(['report', GOALS, YEAR_END, '--format', 'md', '--templates', t, '-o', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('department.md.hbs');
      expect(snapshot(out)).toEqual(before);
    });
  });

  it('a disk that fills up half-way (ENOSPC on the 5th of 9 files) leaves every old file and no temp file', () => {
    withTempDir((dir) => {
      const out = previousSet(dir);
      const before = snapshot(out);
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          join(ROOT, 'test/fixtures/write/kill-in-write.mjs'),
          join(ROOT, 'dist/cli/bin.js'),
          ...['report', GOALS, YEAR_END, '--format', 'md', '-o', out],
        ],
        { encoding: 'utf8', env: { ...process.env, FAIL_AT_WRITE: '5' } },
      );
      expect(r.stderr).toMatch(
        /^错误：无法写入 .+-self-evaluation\.md：磁盘空间已满（ENOSPC）；原有文件（如有）未被改动\n$/,
      );
      expect(r.status).toBe(2);
      expect(snapshot(out)).toEqual(before);
    });
  });

  it('a report folder copied over keeps working (the previous set is replaced as a whole)', () => {
    withTempDir((dir) => {
      const out = previousSet(dir);
      cpSync(out, join(dir, 'copy'), { recursive: true });
      expect(jixiao(['report', GOALS, YEAR_END, '--format', 'md', '-o', out]).status).toBe(0);
      expect(readdirSync(out).sort()).toEqual(readdirSync(join(dir, 'copy')).sort());
      expect(Object.values(snapshot(out)).some((b) => Buffer.from(b, 'base64').toString().startsWith('旧版'))).toBe(
        false,
      );
      expect(existsSync(join(out, '.tmp'))).toBe(false);
    });
  });
});

describe('Windows device names as 项目编码', () => {
  it('report refuses a project coded NUL.1 and writes nothing', () => {
    withTempDir((dir) => {
      const goals = JSON.parse(readFileSync(GOALS, 'utf8'));
      const code = goals.projects[0].code as string;
      goals.projects[0].code = 'NUL.1';
      writeFileSync(join(dir, 'goals.json'), JSON.stringify(goals));
      writeFileSync(join(dir, 'actuals.yaml'), readFileSync(YEAR_END, 'utf8').replace(code, 'NUL.1'));
      const r = jixiao(['report', 'goals.json', 'actuals.yaml', '-o', 'out'], { cwd: dir });
      expect(r.stderr).toBe('错误：项目编码“NUL.1”是 Windows 的保留设备名，不能用作文件名，已停止生成报告\n');
      expect(r.status).toBe(2);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  });
});

describe('PDF printing', () => {
  const chromium = existsSync(process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium');
  it.skipIf(!chromium || !hasPoppler)(
    'prints with JavaScript disabled: a script in a template does not run',
    () => {
      withTempDir((dir) => {
        const t = join(dir, 'tpl');
        mkdirSync(t);
        writeFileSync(
          join(t, 'self-evaluation.html.hbs'),
          `<!DOCTYPE html><html><body><p id="x">静态内容</p><script>document.getElementById('x').textContent = '脚本运行了';</script></body></html>\n`,
        );
        const r = jixiao(['report', GOALS, YEAR_END, '--format', 'pdf', '--templates', t, '-o', join(dir, 'out')]);
        expect(r.status, r.stderr).toBe(0);
        const text = pdfText(join(dir, 'out', `${SEED_CODES[0]}-self-evaluation.pdf`));
        expect(text).toContain('静态内容');
        expect(text).not.toContain('脚本运行了');
      });
    },
    120_000,
  );
});
