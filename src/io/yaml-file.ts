import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Problem } from '../errors.js';
import { decode } from './decode.js';
import { InputError, readInput } from './read-input.js';

/** A key path into a rule set: `['scoring', 'qualitative', 'bands', 1, 'min']`. */
export type KeyPath = readonly (string | number)[];

/** `scoring.qualitative.bands[1].min` — the form every message uses. */
export function formatPath(path: KeyPath): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    '',
  );
}

/** One YAML file of a rule set chain, with enough of the parse kept to point at lines. */
export interface RuleFile {
  /** Absolute path. */
  file: string;
  /** Path shown to the user (`rules/national.yaml`). */
  display: string;
  data: Record<string, unknown>;
  /** 1-based line of the node at `path`, or of its nearest ancestor written in this file. */
  lineOf(path: KeyPath): number | undefined;
  /** True when this file itself writes a value at `path`. */
  has(path: KeyPath): boolean;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key path of the map key that starts at `offset` (to name a duplicate key by its path). */
function pathAtOffset(node: unknown, offset: number, path: (string | number)[] = []): KeyPath | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) return [...path, key];
      const inner = pathAtOffset(pair.value, offset, [...path, key]);
      if (inner) return inner;
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const inner = pathAtOffset(item, offset, [...path, i]);
      if (inner) return inner;
    }
  }
  return undefined;
}

function hasPath(data: unknown, path: KeyPath): boolean {
  let node = data;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(node) : !isPlainObject(node)) return false;
    const holder = node as Record<string | number, unknown>;
    if (!Object.hasOwn(holder, key)) return false;
    node = holder[key];
  }
  return true;
}

/** The yaml parser's errors in words an evaluator can act on (every code the parser has; its own text is English). */
const YAML_HINTS: Partial<Record<string, string>> = {
  MISSING_CHAR: '缺少配对的符号（引号、括号 ] 或 } 没有闭合）',
  BAD_INDENT: '缩进不对：同一层的键要对齐，子项比上一层多缩进',
  TAB_AS_INDENT: '缩进里有制表符 Tab，请改用空格',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号有误：一个键的下面不能再接一个没有冒号的块',
  MULTILINE_IMPLICIT_KEY: '键不能跨行：检查上一行是否少了冒号或引号',
  UNEXPECTED_TOKEN: '这里出现了意外的符号',
  BAD_SCALAR_START: '值不能以这个符号开头：含 @ ` | > 等符号的文字请加引号',
  BAD_DQ_ESCAPE: '双引号里的反斜杠 \\ 转义有误：改用单引号，或写成 \\\\',
  BLOCK_IN_FLOW: '方括号或花括号里不能换行写块',
  MULTIPLE_DOCS: '一个文件只能有一份内容（去掉多余的 ---）',
  KEY_OVER_1024_CHARS: '键太长（超过 1024 个字符）',
  NON_STRING_KEY: '键应为文字',
  TAG_RESOLVE_FAILED: '不支持的标签（以 ! 开头的写法）',
  BAD_DIRECTIVE: '不支持的指令（以 % 开头的行）',
  BAD_COLLECTION_TYPE: '列表与键值映射的写法混在了一起',
  MULTIPLE_ANCHORS: '不支持锚点（&）',
  MULTIPLE_TAGS: '不支持标签（!）',
  ALIAS_PROPS: '不支持别名（*）',
  BAD_ALIAS: '不支持别名（*）',
  BAD_PROP_ORDER: '锚点或标签的位置不对',
  RESOURCE_EXHAUSTION: '文件结构过于复杂（嵌套层数太多）',
};

/** A YAML file that is not text: a workbook or document picked by mistake. */
const SAVE_AS = '请确认选对了文件（应为 YAML 或 JSON 文本，可用 jixiao template 生成）';

/**
 * Read one YAML (or JSON) input: a rule file or the evaluator's actuals. Duplicate keys are refused (yaml's
 * `uniqueKeys`): with a silent "last one wins", a copy-pasted weight would quietly override the one above it.
 */
export function readYamlFile(
  file: string,
  display: string,
  shape = '规则集文件应是一个键值映射（id、label、execution …）',
): { ruleFile?: RuleFile; problems: Problem[] } {
  let text: string;
  try {
    // Decoded as goal documents are: a YAML saved by Notepad on Chinese Windows may be GBK or UTF-16.
    text = decode(readInput(file, '文件'), display, SAVE_AS).text;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { problems: [{ code: 'read', where: display, message: `无法读取文件：${err.reason}` }] };
  }
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { uniqueKeys: true, lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line;

  const all: Problem[] = doc.errors.map((err) => {
    const line = lineAt(err.pos[0]);
    if (err.code === 'DUPLICATE_KEY') {
      const path = pathAtOffset(doc.contents, err.pos[0]);
      const where = path ? `${display}: ${formatPath(path)}` : display;
      return { code: 'duplicate_key', where, message: `重复的键：同一层里写了两次（第 ${line} 行）` };
    }
    // The parser's own text is English: the user reads the hint for its code, and the line and column.
    const col = lines.linePos(err.pos[0]).col;
    const hint = YAML_HINTS[err.code] ?? '无法解析这一处，请检查缩进、冒号和引号';
    return {
      code: 'yaml_syntax',
      where: display,
      message: `YAML 格式错误（第 ${line} 行第 ${col} 列）：${hint}`,
    };
  });
  // The parser repeats one error per nesting level it unwinds (a deep file gave 35 identical ones): say it once.
  const problems = [...new Map(all.map((p) => [`${p.where}\n${p.message.replace(/第 \d+ 列/, '')}`, p])).values()];
  if (problems.length > 0) return { problems };

  // Inputs never need anchors and aliases (&a / *a): refusing them rules out alias bombs, dangling and
  // self-referencing aliases, which would otherwise fail deep inside the parser or the schema check.
  let alias: number | undefined;
  let proto: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node.range?.[0];
      return visit.BREAK;
    },
    // A key named __proto__ would set an object's prototype instead of a field.
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        proto = pair.key.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (proto !== undefined) {
    const message = `不能使用名为 __proto__ 的键（第 ${lineAt(proto)} 行）`;
    return { problems: [{ code: 'yaml_proto', where: display, message }] };
  }
  if (alias !== undefined) {
    return {
      problems: [
        {
          code: 'yaml_alias',
          where: display,
          message: `不支持 YAML 别名（*名称，第 ${lineAt(alias)} 行）：请直接写出取值`,
        },
      ],
    };
  }
  const data: unknown = doc.toJS();
  if (!isPlainObject(data)) {
    return {
      problems: [{ code: 'yaml_shape', where: display, message: shape }],
    };
  }

  const lineOf = (path: KeyPath): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineAt(range[0]);
    }
    return undefined;
  };
  return { ruleFile: { file, display, data, lineOf, has: (path) => hasPath(data, path) }, problems };
}

/** Where a key path lives in a chain of files: the file to fix, and the line when it is written there. */
export type Place = (path: KeyPath, ...alternatives: KeyPath[]) => { where: string; line: number | undefined };

/** A problem at a key path: `where` is `rules/x.yaml: execution.weight`, the message ends with the line. */
export function problemAt(place: Place, code: string, path: KeyPath, message: string, ...alt: KeyPath[]): Problem {
  const { where, line } = place(path, ...alt);
  return { code, where, message: line === undefined ? message : `${message}（第 ${line} 行）` };
}

/**
 * Place key paths in a chain (base → leaf). The leaf-most file that writes the value is the one to fix; for a
 * missing key, the leaf-most file that writes its nearest parent.
 */
export function placeInChain(layers: readonly RuleFile[]): Place {
  const leafFirst = [...layers].reverse();
  const at = (layer: RuleFile, path: KeyPath) => ({
    where: path.length === 0 ? layer.display : `${layer.display}: ${formatPath(path)}`,
    line: path.length === 0 ? undefined : layer.lineOf(path),
  });
  return (path, ...alternatives) => {
    for (const layer of leafFirst) for (const p of [path, ...alternatives]) if (layer.has(p)) return at(layer, p);
    for (let n = path.length - 1; n >= 0; n--) {
      const layer = leafFirst.find((l) => l.has(path.slice(0, n)));
      if (layer) return at(layer, path);
    }
    return { where: formatPath(path), line: undefined };
  };
}
