import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { UserError } from '../errors.js';

export type Format = 'html' | 'md';

/** src/report/render.ts and dist/report/render.js sit at the same depth below the package root. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Renderer {
  /** Render `templates/<name>.<format>.hbs` over a prepared view-model. */
  render(name: string, format: Format, view: object): string;
}

type Template = (context: unknown, options?: unknown) => string;

/** A failure inside a partial, carrying the partial's file so the message names it rather than the caller. */
class TemplateFault extends Error {
  constructor(
    readonly file: string,
    readonly inner: unknown,
  ) {
    super(String(inner));
  }
}

const renderers = new Map<string, Renderer>();

/** How a template file is read: the CLI passes its bounded input reader; a library caller may keep the default. */
export type ReadTemplate = (file: string) => string;
const readPlain: ReadTemplate = (file) => readFileSync(file, 'utf8');

/**
 * One renderer per template folder: each template and partial is read and compiled once, then reused for every
 * project. `overlay` (--templates DIR) replaces built-in files name by name; what it lacks comes from templates/.
 */
export function getRenderer(overlay?: string, read: ReadTemplate = readPlain): Renderer {
  const key = overlay ? resolve(overlay) : '';
  let r = renderers.get(key);
  if (!r) {
    if (overlay && !(existsSync(key) && statSync(key).isDirectory())) {
      throw new UserError(`模板文件夹 ${overlay} 不存在或不是文件夹`);
    }
    r = createRenderer(overlay ? key : undefined, read);
    renderers.set(key, r);
  }
  return r;
}

function createRenderer(overlay: string | undefined, read: ReadTemplate): Renderer {
  const envs = new Map<Format, { hb: typeof Handlebars; templates: Map<string, { file: string; fn: Template }> }>();
  const find = (rel: string) => {
    const own = overlay ? join(overlay, rel) : undefined;
    if (own && existsSync(own)) return own;
    const builtin = join(BUILTIN_TEMPLATES, rel);
    return existsSync(builtin) ? builtin : undefined;
  };
  const compile = (hb: typeof Handlebars, file: string, format: Format): Template =>
    hb.compile(read(file), {
      strict: true,
      knownHelpersOnly: true,
      preventIndent: true,
      noEscape: format === 'md',
    }) as Template;

  const env = (format: Format) => {
    let e = envs.get(format);
    if (e) return e;
    // An isolated instance per format: partials of the HTML set never leak into Markdown, or into other callers.
    const hb = Handlebars.create();
    for (const name of partialNames(format, overlay)) {
      const file = find(`partials/${name}.${format}.hbs`) as string;
      const fn = compile(hb, file, format);
      hb.registerPartial(name, ((ctx: unknown, opts: unknown) => {
        try {
          return fn(ctx, opts);
        } catch (err) {
          throw err instanceof TemplateFault ? err : new TemplateFault(file, err);
        }
      }) as unknown as Handlebars.Template);
    }
    e = { hb, templates: new Map() };
    envs.set(format, e);
    return e;
  };

  return {
    render(name, format, view) {
      const rel = `${name}.${format}.hbs`;
      const e = env(format);
      let compiled = e.templates.get(rel);
      if (!compiled) {
        const file = find(rel);
        if (!file) {
          const where = overlay ? `${displayPath(overlay)} 和内置模板文件夹` : '内置模板文件夹';
          throw new UserError(`找不到模板 ${rel}（${where}中都没有）`);
        }
        compiled = { file, fn: compile(e.hb, file, format) };
        e.templates.set(rel, compiled);
      }
      const { file, fn } = compiled;
      try {
        return fn(format === 'md' ? markdownView(view) : view);
      } catch (err) {
        throw err instanceof TemplateFault ? templateError(err.file, err.inner) : templateError(file, err);
      }
    },
  };
}

/** Partial names for a format: every partials/<name>.<format>.hbs built in or in the overlay. */
function partialNames(format: Format, overlay: string | undefined): string[] {
  const suffix = `.${format}.hbs`;
  const names = new Set<string>();
  for (const dir of [BUILTIN_TEMPLATES, overlay].filter((d): d is string => d !== undefined)) {
    const partials = join(dir, 'partials');
    if (!existsSync(partials)) continue;
    for (const f of readdirSync(partials)) if (f.endsWith(suffix)) names.add(f.slice(0, -suffix.length));
  }
  return [...names].sort();
}

/** Handlebars' strict-mode message (`"field" not defined in [object Object] - 3:14`) in the user's terms. */
export function templateError(file: string, err: unknown): UserError {
  const message = err instanceof Error ? err.message : String(err);
  const where = displayPath(file);
  const missing = /^"(.+?)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (missing) {
    return new UserError(
      `模板 ${where} 第 ${missing[2]} 行第 ${Number(missing[3]) + 1} 列：字段“${missing[1]}”在数据中不存在`,
    );
  }
  const partial = /^The partial (.+) could not be found$/.exec(message);
  if (partial) return new UserError(`模板 ${where} 引用了不存在的局部模板 partials/${partial[1]}.*.hbs`);
  return new UserError(`模板 ${where} 有错误：${message}`);
}

// Markdown templates print with escaping off (HTML entities would show literally in a .md file), so every
// string of the view-model is made Markdown-safe instead: the characters that start emphasis, links, code,
// HTML or a table cell are backslash-escaped, and a newline becomes <br> so a cell stays one table row.

/** Escape one string for any place in a Markdown document (paragraph, list item or table cell). */
export function mdEscape(s: string): string {
  const escaped = s
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(#{1,6}(?=\s|$)|[-+](?=\s)|\d+(?=[.)]\s))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
  return escaped.replace(/\n/g, '<br>');
}

/** A deep copy of `view` with every string escaped; `svg` fields are dropped (a Markdown file carries no SVG). */
export function markdownView<T>(view: T): T {
  return walk(view) as T;
}

function walk(x: unknown): unknown {
  if (typeof x === 'string') return mdEscape(x);
  if (Array.isArray(x)) return x.map(walk);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = k === 'svg' ? '' : walk(v);
    return out;
  }
  return x;
}

/** A template path as the user can find it: relative to the working folder when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') ? file : rel.split(sep).join('/');
}
