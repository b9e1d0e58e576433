import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { listRuleSets, loadRuleSet } from '../../src/io/rules.js';
import { jixiao, SAMPLE } from '../helpers/cli.js';

/** `extends:` reads a bundled rule set or a file beside the one extending it, nothing else, and shows nothing of a refused file. */

const head = (id: string, ref: string) => `id: ${id}\nlabel: 测试\ndescription: 测试继承。\nextends: ${ref}\n`;
const SECRET = 'root:$6$topsecret:19000:0:99999:7:::';

async function outcome(file: string, userDir?: string): Promise<string> {
  try {
    await loadRuleSet(file, userDir === undefined ? {} : { userDir });
    return 'loaded';
  } catch (err) {
    if (err instanceof UserError) return err.describe();
    throw err;
  }
}

function inTemp(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-extends-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

describe('extends', () => {
  it('reads a bundled rule set by name and a file in the same folder or below', () =>
    inTemp(async (dir) => {
      mkdirSync(join(dir, 'base'));
      writeFileSync(join(dir, 'base', 'county.yaml'), head('county', 'national'));
      writeFileSync(join(dir, 'leaf.yaml'), head('leaf', './base/county.yaml'));
      const r = await loadRuleSet(join(dir, 'leaf.yaml'));
      expect(r.chain.map((f) => f.split('/').pop())).toEqual(['national.yaml', 'county.yaml', 'leaf.yaml']);
    }));

  it.each([
    ['an absolute path', '/etc/passwd'],
    ['a file above the folder', '../outside.yaml'],
    ['a device', '/dev/zero'],
    ['a path that climbs out and back', './sub/../../x/leaf.yaml'],
  ])('refuses %s without reading it', (_what, ref) =>
    inTemp(async (dir) => {
      writeFileSync(join(dir, 'leaf.yaml'), head('leaf', ref));
      const text = await outcome(join(dir, 'leaf.yaml'));
      expect(text).toContain('leaf.yaml「继承」');
      expect(text).toContain('只能写内置规则集的名称');
    }),
  );

  it('refuses a file outside the folder reached through a symbolic link, and never shows its content', () =>
    inTemp(async (dir) => {
      mkdirSync(join(dir, 'rules'));
      writeFileSync(join(dir, 'shadow'), `${SECRET}\n`);
      symlinkSync(join(dir, 'shadow'), join(dir, 'rules', 'base.yaml'));
      writeFileSync(join(dir, 'rules', 'leaf.yaml'), head('leaf', './base.yaml'));
      const text = await outcome(join(dir, 'rules', 'leaf.yaml'));
      expect(text).toContain('只能写内置规则集的名称');
      expect(text).not.toContain('topsecret');
    }));

  it('refuses a FIFO in the folder without blocking on it', () =>
    inTemp(async (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      writeFileSync(join(dir, 'leaf.yaml'), head('leaf', './pipe.yaml'));
      const text = await outcome(join(dir, 'leaf.yaml'));
      expect(text).toContain('不是普通文件');
    }));

  it('refuses the bibliography and odd names as a rule set name', () =>
    inTemp(async (dir) => {
      for (const ref of ['sources', 'National', 'nat ional']) {
        writeFileSync(join(dir, 'leaf.yaml'), head('leaf', ref));
        expect(await outcome(join(dir, 'leaf.yaml'))).toContain('找不到被继承的规则集');
      }
    }));

  it('a file given directly that is no rule set is named, its keys and lines never shown', () =>
    inTemp(async (dir) => {
      const file = join(dir, 'passwd.yaml');
      writeFileSync(file, 'root: topsecret\nadmin: x\n');
      const text = await outcome(file);
      expect(text).toContain('passwd.yaml');
      expect(text).toContain('这不是规则集文件');
      expect(text).not.toMatch(/topsecret|admin|root/);
      writeFileSync(file, `${SECRET}\n`);
      expect(await outcome(file)).not.toContain('topsecret');
    }));

  it('a device given directly is refused before it is opened', async () => {
    expect(await outcome('/dev/zero')).toContain('不是普通文件');
  });

  it('a file that does not parse is named with its line, never with a key it holds', () =>
    inTemp(async (dir) => {
      writeFileSync(join(dir, 'dup.yaml'), 'topsecret: 1\ntopsecret: 2\n');
      writeFileSync(join(dir, 'leaf.yaml'), head('leaf', './dup.yaml'));
      const text = await outcome(join(dir, 'leaf.yaml'));
      expect(text).toContain('dup.yaml');
      expect(text).toContain('第 2 行');
      expect(text).not.toContain('topsecret');
    }));
});

describe('extends from a folder the user passes (--rules-dir)', () => {
  const layout = (dir: string) => {
    mkdirSync(join(dir, 'lib'));
    mkdirSync(join(dir, 'work'));
    writeFileSync(join(dir, 'lib', 'county.yaml'), head('county', 'national'));
    writeFileSync(join(dir, 'work', 'leaf.yaml'), head('leaf', '../lib/county.yaml'));
    writeFileSync(join(dir, 'work', 'by-name.yaml'), head('by-name', 'county'));
  };

  it('without it a file in another folder is refused; with it the file and its bare name are read', () =>
    inTemp(async (dir) => {
      layout(dir);
      expect(await outcome(join(dir, 'work', 'leaf.yaml'))).toContain('只能写内置规则集的名称');
      expect(await outcome(join(dir, 'work', 'by-name.yaml'))).toContain('找不到被继承的规则集“county”');
      const lib = join(dir, 'lib');
      const leaf = await loadRuleSet(join(dir, 'work', 'leaf.yaml'), { userDir: lib });
      expect(leaf.chain.map((f) => f.split('/').pop())).toEqual(['national.yaml', 'county.yaml', 'leaf.yaml']);
      const named = await loadRuleSet(join(dir, 'work', 'by-name.yaml'), { userDir: lib });
      expect(named.chain.map((f) => f.split('/').pop())).toEqual(['national.yaml', 'county.yaml', 'by-name.yaml']);
      expect((await loadRuleSet('county', { userDir: lib })).ruleSet.id).toBe('county');
      expect(listRuleSets({ userDir: lib }).map((e) => e.id)).toContain('county');
    }));

  it('still refuses what lies outside both folders, and a folder that does not exist', () =>
    inTemp(async (dir) => {
      layout(dir);
      writeFileSync(join(dir, 'outside.yaml'), head('outside', 'national'));
      writeFileSync(join(dir, 'work', 'far.yaml'), head('far', '../outside.yaml'));
      const text = await outcome(join(dir, 'work', 'far.yaml'), join(dir, 'lib'));
      expect(text).toContain('只能写内置规则集的名称');
      expect(text).toContain('lib');
      expect(await outcome(join(dir, 'work', 'leaf.yaml'), join(dir, 'nowhere'))).toContain('不存在或不是文件夹');
    }));

  it('through the binary: rules show and score take --rules-dir', () =>
    inTemp(async (dir) => {
      layout(dir);
      const lib = join(dir, 'lib');
      const show = jixiao(['rules', 'show', join(dir, 'work', 'leaf.yaml'), '--rules-dir', lib, '--format', 'json']);
      expect(show.stderr).toBe('');
      expect(JSON.parse(show.stdout).chain).toEqual(['national', 'county', 'leaf']);
      const refused = jixiao(['rules', 'show', join(dir, 'work', 'leaf.yaml')]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('只能写内置规则集的名称');
      const args = ['score', join(SAMPLE, 'goals.json'), join(SAMPLE, 'actuals-year-end.yaml'), '--format', 'json'];
      const score = jixiao([...args, '--rules', 'county', '--rules-dir', lib]);
      expect(score.status).toBe(0);
      expect(JSON.parse(score.stdout).ruleSet.id).toBe('county');
    }));
});
