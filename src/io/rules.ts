import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// Type-only: the module itself (and mathjs behind it) is imported on demand, see compileFormulas.
import type { CompiledFormula } from '../core/formula.js';
import { type Problem, UserError } from '../errors.js';
import { RuleSet } from '../model/rule-set.js';
import { chainProblems, FORMULA_BLOCKS, ruleSetProblems } from './rules-check.js';
import { datedPlace, datedProblems, splitDated } from './rules-dated.js';
import { mergeRuleData } from './rules-merge.js';
import { placeIn } from './rules-places.js';
import { readBibliography, resolveCitations, SOURCES_FILE } from './rules-sources.js';
import { formatPath, isPlainObject, placeInChain, type RuleFile, readYamlFile } from './yaml-file.js';
import { unknownKeyProblems, zodProblems } from './zod-problems.js';

export interface LoadedRuleSet {
  ruleSet: RuleSet;
  /** Absolute path of the file asked for (the leaf). */
  file: string;
  /** Absolute paths from the base rule set to the leaf. */
  chain: string[];
  /** Compiled `expr` formulas by rule block: 'execution', 'scoring.positive' … (built-ins are not here). */
  formulas: Record<string, CompiledFormula>;
}

export interface RuleSetEntry {
  id: string;
  label: string;
  extends: string | null;
  file: string;
}

export interface RulesOptions {
  /** Where bare names (`national`) resolve; defaults to the package's rules/. */
  rulesDir?: string;
  /**
   * A folder of the user's own rule sets (`--rules-dir DIR`): bare names are looked up there first, and
   * `extends:` may name any YAML file inside it. Defaults to the one set by useRulesDir (the CLI's option).
   */
  userDir?: string;
}

let defaultUserDir: string | undefined;
/** The folder `--rules-dir` names, for every rule set this process loads (set once by the CLI). */
export function useRulesDir(dir: string | undefined): void {
  defaultUserDir = dir === undefined ? undefined : resolve(dir);
}

/** The folder set by useRulesDir, if any (a worker thread loading the same rule set needs it). */
export const rulesDirInUse = (): string | undefined => defaultUserDir;

/** Bare names and `extends:` resolve against these; the user's folder is checked to be one. */
interface Dirs {
  bundled: string;
  user: string | undefined;
}

function dirsOf(opts: RulesOptions): Dirs {
  const user = opts.userDir ?? defaultUserDir;
  if (user !== undefined) {
    let ok = false;
    try {
      ok = statSync(user).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new UserError(`规则集文件夹 ${displayPath(resolve(user))} 不存在或不是文件夹`);
  }
  return { bundled: resolve(opts.rulesDir ?? RULES_DIR), user: user === undefined ? undefined : resolve(user) };
}

/** A bare name: the user's folder first (their own county.yaml), then the bundled rule sets. */
function byName(ref: string, dirs: Dirs): string {
  const mine = dirs.user === undefined ? undefined : join(dirs.user, `${ref}.yaml`);
  return mine !== undefined && existsSync(mine) ? mine : join(dirs.bundled, `${ref}.yaml`);
}

/** src/io/rules.ts and dist/io/rules.js sit at the same depth, so one relative URL finds the package root. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RULES_DIR = join(PACKAGE_ROOT, 'rules');

const isInside = (dir: string, file: string) => {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** How a rule file is named to the user: `rules/national.yaml` for the package's own, else relative to cwd. */
export function displayPath(file: string): string {
  const base = isInside(PACKAGE_ROOT, file) ? PACKAGE_ROOT : isInside(process.cwd(), file) ? process.cwd() : undefined;
  return base === undefined ? file : relative(base, file).split(sep).join('/');
}

const isPathLike = (s: string) => /[\\/]/.test(s) || /\.ya?ml$/i.test(s);

/** A bare name is a rule set in the user's folder or rulesDir; anything path-like is a file, relative to `from`. */
function resolveRef(ref: string, from: string, dirs: Dirs): string {
  return isPathLike(ref) ? resolve(from, ref) : byName(ref, dirs);
}

/** Why `file` cannot be read as a rule file (a folder, a device, a FIFO …), or undefined when it is a regular file. */
function notRegularFile(file: string): string | undefined {
  try {
    const st = statSync(file);
    if (st.isFile()) return undefined;
    return st.isDirectory() ? '这是一个文件夹' : '这不是普通文件（设备、管道或套接字）';
  } catch {
    return '文件不存在';
  }
}

const realInside = (dir: string, file: string) => {
  try {
    return isInside(realpathSync(dir), realpathSync(file));
  } catch {
    return false;
  }
};

/**
 * Where `extends: ref` in `fromFile` points: a rule set by name (the user's folder, then the bundled ones), or a
 * YAML file inside the folder of the file that extends it or inside the user's folder (symbolic links
 * resolved). Anything else is refused before it is opened, so nothing of a refused file is ever read, let alone
 * shown.
 */
function resolveExtends(ref: string, fromFile: string, dirs: Dirs): { file: string } | { message: string } {
  const folder = dirname(fromFile);
  if (!isPathLike(ref)) {
    const file = byName(ref, dirs);
    if (!/^[a-z0-9-]+$/.test(ref) || `${ref}.yaml` === SOURCES_FILE || !existsSync(file)) {
      const known = listRuleSets({ rulesDir: dirs.bundled }).map((e) => e.id);
      return {
        message: `找不到被继承的规则集“${ref}”：内置规则集有 ${known.join('、')}；也可以写与本文件同一文件夹里的 YAML 文件名`,
      };
    }
    return { file };
  }
  const file = resolve(folder, ref);
  const allowed = [folder, ...(dirs.user === undefined ? [] : [dirs.user])];
  const inside = allowed.some((dir) => isInside(dir, file) && (!existsSync(file) || realInside(dir, file)));
  if (!inside) {
    const user = dirs.user === undefined ? '' : `，或规则集文件夹 ${displayPath(dirs.user)} 里`;
    return { message: `继承只能写内置规则集的名称，或与本文件同一文件夹（含子文件夹）${user}的 YAML 文件` };
  }
  if (!/\.ya?ml$/i.test(file)) return { message: '被继承的文件应以 .yaml 或 .yml 结尾' };
  const why = notRegularFile(file);
  if (why) return { message: `无法继承“${ref}”：${why}（查找了 ${displayPath(file)}）` };
  return { file };
}

function readChain(file: string, dirs: Dirs): { layers: RuleFile[]; problems: Problem[] } {
  const leafFirst: RuleFile[] = [];
  let current: string | undefined = file;
  while (current !== undefined) {
    const seen = leafFirst.map((l) => l.file);
    if (seen.includes(current)) {
      const loop = [...seen.slice(seen.indexOf(current)), current].map(displayPath).join(' → ');
      const last = leafFirst[leafFirst.length - 1];
      const where = last ? placeIn(last.display, ['extends']) : displayPath(current);
      return { layers: [], problems: [{ code: 'extends_cycle', where, message: `继承形成循环：${loop}` }] };
    }
    const { ruleFile, problems } = readYamlFile(current, displayPath(current));
    if (!ruleFile) return { layers: [], problems: problems.map((p) => unlocated(p, current as string)) };
    if (!looksLikeRuleSet(ruleFile.data)) {
      // Say nothing of what the file holds: it may be any file the user pointed at by mistake.
      const message = '这不是规则集文件：应写有规则集编号、名称、简介等项（内容未显示）';
      return { layers: [], problems: [{ code: 'not_rule_set', where: ruleFile.display, message }] };
    }
    leafFirst.push(ruleFile);
    const ref: unknown = ruleFile.data.extends;
    if (ref === undefined) break;
    const where = placeIn(ruleFile.display, ['extends']);
    if (typeof ref !== 'string' || ref.trim() === '') {
      return { layers: [], problems: [{ code: 'extends', where, message: '继承应写规则集名称或 YAML 文件路径' }] };
    }
    const target = resolveExtends(ref, current, dirs);
    if ('message' in target)
      return { layers: [], problems: [{ code: 'extends_refused', where, message: target.message }] };
    current = target.file;
  }
  return { layers: leafFirst.reverse(), problems: [] };
}

/**
 * A file that does not parse may be no rule file at all: its problems name the file and line, never a key it
 * holds (a duplicate key's path would show its content).
 */
function unlocated(p: Problem, file: string): Problem {
  const display = displayPath(file);
  const top = (p.where ?? '').slice(display.length + 2).split(/[.[]/)[0] ?? '';
  return p.code === 'duplicate_key' && !RULE_SET_KEYS.has(top) ? { ...p, where: display } : p;
}

/** A rule file names itself or extends one; anything else is not shown key by key (it may be any file). */
const RULE_SET_KEYS = new Set(Object.keys(RuleSet.shape));
function looksLikeRuleSet(data: Record<string, unknown>): boolean {
  return (
    ['id', 'extends', 'label'].some((k) => Object.hasOwn(data, k)) &&
    Object.keys(data).some((k) => RULE_SET_KEYS.has(k))
  );
}

function notFound(nameOrPath: string, rulesDir: string): UserError {
  if (isPathLike(nameOrPath)) return new UserError(`找不到规则集文件：${nameOrPath}`);
  const known = listRuleSets({ rulesDir }).map((e) => e.id);
  // `hubei` for hubei-20: a name that starts or contains what was typed is most likely the one meant.
  const typed = nameOrPath.toLowerCase();
  const near = known.filter((id) => typed.length >= 3 && (id.startsWith(typed) || id.includes(typed)));
  const guess = near.length > 0 ? `是不是要用 ${near.join(' 或 ')}？` : '';
  return new UserError(
    `找不到规则集“${nameOrPath}”。${guess}内置规则集有：${known.join('、')}；也可以给出 YAML 文件路径（如 ./my-rules.yaml）`,
  );
}

/** Compile the `expr` formulas; mathjs is loaded here and only here, when a rule set has one. */
async function compileFormulas(
  merged: Record<string, unknown>,
  layers: readonly RuleFile[],
  problems: Problem[],
): Promise<Record<string, CompiledFormula>> {
  const exprs = FORMULA_BLOCKS.flatMap((block) => {
    let node: unknown = merged;
    for (const key of [...block, 'formula']) node = isPlainObject(node) ? node[key as string] : undefined;
    return isPlainObject(node) && typeof node.expr === 'string' ? [{ block, expr: node.expr }] : [];
  });
  if (exprs.length === 0) return {};
  const { compileFormula } = await import('../core/formula.js');
  const formulas: Record<string, CompiledFormula> = {};
  for (const { block, expr } of exprs) {
    const path = [...block, 'formula', 'expr'];
    const layer = [...layers].reverse().find((l) => l.has(path));
    const line = layer?.lineOf(path);
    const where = `${placeIn(layer?.display ?? '', [...block, 'formula'])}${line === undefined ? '' : `（第 ${line} 行）`}`;
    try {
      const compiled = compileFormula(expr, where);
      // An indicator has no 执行率: a formula reading it would score every row as if rate were 0.
      if (block[0] !== 'execution' && compiled.symbols.has('rate')) {
        const message = '指标得分公式不能用“rate”：预算执行率只用于预算执行率本身的公式';
        problems.push({ code: 'formula', where, message });
      } else formulas[formatPath(block)] = compiled;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      problems.push(...err.problems);
    }
  }
  return formulas;
}

/**
 * Load a rule set by name (`national` → rules/national.yaml) or path, resolve `extends` (base first, see
 * rules-merge.ts), validate, and report every problem at once, each naming its file and key path.
 */
export async function loadRuleSet(nameOrPath: string, opts: RulesOptions = {}): Promise<LoadedRuleSet> {
  const dirs = dirsOf(opts);
  const file = resolveRef(nameOrPath, process.cwd(), dirs);
  if (!existsSync(file) || (!isPathLike(nameOrPath) && !/^[a-z0-9-]+$/.test(nameOrPath)) || nameOrPath === 'sources') {
    throw notFound(nameOrPath, dirs.bundled);
  }
  const why = notRegularFile(file);
  if (why) throw new UserError(`无法读取规则集文件 ${displayPath(file)}：${why}`);

  const { layers, problems } = readChain(file, dirs);
  if (problems.length > 0) throw new UserError(`无法读取规则集“${nameOrPath}”`, problems);

  // Values dated by year are taken out first (the rule set then reads as it stands today), see rules-dated.ts.
  const { data: merged, dated } = splitDated(
    layers.reduce<Record<string, unknown>>((acc, l) => mergeRuleData(acc, l.data), {}),
  );
  const place = datedPlace(placeInChain(layers), dated);
  problems.push(...chainProblems(layers, merged), ...unknownKeyProblems(RuleSet, merged, place));
  const parsed = RuleSet.safeParse(merged, { reportInput: true });
  const bibliography = readBibliography(RULES_DIR, displayPath);
  problems.push(...bibliography.problems);
  let ruleSet: RuleSet | undefined;
  if (parsed.success) {
    problems.push(...ruleSetProblems(parsed.data, place), ...datedProblems(parsed.data, place, ruleSetProblems));
    const cited = resolveCitations(
      parsed.data,
      bibliography.entries,
      place,
      displayPath(join(RULES_DIR, SOURCES_FILE)),
    );
    problems.push(...cited.problems);
    ruleSet = { ...parsed.data, sources: cited.sources };
  } else problems.push(...zodProblems(parsed.error.issues, place));
  const formulas = await compileFormulas(merged, layers, problems);

  if (problems.length > 0 || !ruleSet) {
    throw new UserError(`规则集“${nameOrPath}”有 ${problems.length} 处问题`, problems);
  }
  return { ruleSet, file, chain: layers.map((l) => l.file), formulas };
}

/**
 * The rule sets in rulesDir and then the user's folder (not validated: `rules show NAME` does that). Base sets
 * first, then by id. In the user's folder only files that look like rule sets are listed.
 */
export function listRuleSets(opts: RulesOptions = {}): RuleSetEntry[] {
  const dirs = dirsOf(opts);
  const entriesOf = (dir: string, own: boolean) =>
    readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name) && name !== SOURCES_FILE)
      .flatMap((name): RuleSetEntry[] => {
        const file = join(dir, name);
        if (own && notRegularFile(file)) return [];
        const { ruleFile, problems } = readYamlFile(file, displayPath(file));
        if (!ruleFile) {
          if (own) return [];
          throw new UserError(`规则集文件无法读取：${displayPath(file)}`, problems);
        }
        if (own && !looksLikeRuleSet(ruleFile.data)) return [];
        const { id, label, extends: parent } = ruleFile.data;
        return [
          {
            id: typeof id === 'string' ? id : basename(name).replace(/\.ya?ml$/i, ''),
            label: typeof label === 'string' ? label : '',
            extends: typeof parent === 'string' ? parent : null,
            file,
          },
        ];
      });
  const bundled = entriesOf(dirs.bundled, false);
  const mine = dirs.user === undefined || dirs.user === dirs.bundled ? [] : entriesOf(dirs.user, true);
  const sorted = (list: RuleSetEntry[]) =>
    list.sort((a, b) => Number(a.extends !== null) - Number(b.extends !== null) || a.id.localeCompare(b.id));
  return [...sorted(bundled), ...sorted(mine)];
}
