import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { monitorDocument } from '../core/monitoring/index.js';
import { whatIfProject } from '../core/whatif/index.js';
import { UserError } from '../errors.js';
import { loadActuals, readActuals } from '../io/actuals.js';
import { readInput } from '../io/read-input.js';
import { writeReportBatch } from '../io/write.js';
import type { Period } from '../report/actuals-template.js';
import { REPORT_FORMATS, REPORT_KINDS, renderReportFiles, reportData } from '../report/batch.js';
import type { ReportKind } from '../report/documents.js';
import { whatIfView } from '../report/whatif-view.js';
import { scoreDraft } from './draft.js';
import { entryFields, type Fields, fieldsEntry } from './fields.js';
import { insideWorkspace, shown, uploadName } from './paths.js';
import { type Change, saveChanges } from './save.js';
import { HttpError, readBody, readJson, send } from './server.js';
import { glanceView, importView, monitoringView, projectView } from './views.js';
import { ACTUALS_FILE, OUT_DIR, type Workspace } from './workspace.js';

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** Match every path under `path`. */
  prefix?: boolean;
  run(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void;
}

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const period = (url: URL): Period => (url.searchParams.get('period') === 'mid-year' ? 'mid-year' : 'year-end');
const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || v.length > 200) throw new HttpError(400, `缺少或错误的${what}`);
  return v;
};

/** Every page and API of the workbench; routes call the core and the CLI's own modules, nothing else. */
export function routes(ws: Workspace, opts: { uploadLimit: number; token: () => string }): Route[] {
  /** The page's view of an actuals file: refused only when nothing in it can be read. */
  const entriesOf = (p: Period) => {
    const read = ws.readEntries(p);
    if (read.projects.length === 0 && read.problems.length > 0)
      throw new UserError(`无法读取 ${ACTUALS_FILE[p]}（有 ${read.problems.length} 处问题）`, read.problems);
    return read;
  };
  const table = async (code: string) => {
    const t = (await ws.goals()).projects.find((x) => x.code === code);
    if (!t) throw new HttpError(404, `目标表中没有项目编码“${code.slice(0, 60)}”`);
    return t;
  };
  const asset = (name: string): Route => ({
    method: 'GET',
    path: `/assets/${name}`,
    run: (_q, res) => send(res, 200, readFileSync(join(WEB, name)), TYPES[extname(name)]),
  });

  return [
    {
      method: 'GET',
      path: '/',
      run: (_q, res) => {
        const html = readFileSync(join(WEB, 'index.html'), 'utf8').replaceAll('{{token}}', opts.token());
        send(res, 200, html, TYPES['.html']);
      },
    },
    ...['app.js', 'pages.js', 'entry.js', 'whatif.js', 'main.js', 'app.css'].map(asset),
    {
      method: 'GET',
      path: '/api/workspace',
      run: async (_q, res) => {
        const path = ws.goalsPath();
        if (!path) return send(res, 200, { goals: null, root: ws.root });
        send(res, 200, { goals: importView(await ws.goals(), await ws.rules(), shown(ws.root, path)), root: ws.root });
      },
    },
    {
      method: 'POST',
      path: '/api/upload',
      run: async (req, res, url) => {
        const name = uploadName(url.searchParams.get('name') ?? '');
        const bytes = await readBody(req, opts.uploadLimit);
        if (bytes.length === 0) throw new HttpError(400, '上传的文件是空的');
        const goals = await ws.importUpload(name, bytes);
        send(res, 200, { goals: importView(goals, await ws.rules(), name) });
      },
    },
    {
      method: 'GET',
      path: '/api/projects',
      run: async (_q, res) => {
        const { projects, problems } = entriesOf('year-end');
        send(res, 200, { ...glanceView(await ws.goals(), projects, await ws.rules()), problems });
      },
    },
    {
      method: 'GET',
      path: '/api/project',
      run: async (_q, res, url) => {
        const p = period(url);
        const t = await table(url.searchParams.get('code') ?? '');
        const { projects, version } = entriesOf(p);
        const entry = projects.find((e) => e.code === t.code);
        send(res, 200, { period: p, ...projectView(t, entry, await ws.rules(), version) });
      },
    },
    {
      method: 'POST',
      path: '/api/score',
      run: async (req, res) => {
        const body = await readJson(req);
        const t = await table(str(body.code, '项目编码'));
        const started = performance.now();
        const draft = scoreDraft(t, cells(body.fields), await ws.rules());
        send(res, 200, { ...draft, serverMs: Math.round((performance.now() - started) * 100) / 100 });
      },
    },
    {
      method: 'POST',
      path: '/api/save',
      run: async (req, res) => {
        const body = await readJson(req);
        const p: Period = body.period === 'mid-year' ? 'mid-year' : 'year-end';
        const code = str(body.code, '项目编码');
        const changes = changeList(body.changes);
        const base = str(body.base, '版本');
        const out = await saveChanges(ws, p, code, changes, typeof body.asOf === 'string' ? body.asOf : undefined);
        if ('conflicts' in out)
          return send(res, 409, {
            error: '实际完成情况文件已在别处（另一个标签页或编辑器）被修改，以下单元格与本页不一致：请刷新后再改',
            conflicts: out.conflicts,
          });
        send(res, 200, { version: out.version, merged: base !== out.previous });
      },
    },
    {
      method: 'GET',
      path: '/api/whatif',
      run: async (_q, res, url) => {
        const t = await table(url.searchParams.get('code') ?? '');
        const entry = fieldsEntry(
          t,
          entryFields(
            t,
            entriesOf('year-end').projects.find((e) => e.code === t.code),
          ),
        ).entry;
        const grade = url.searchParams.get('grade') || undefined;
        const total = url.searchParams.get('total') ? Number(url.searchParams.get('total')) : undefined;
        if (total !== undefined && !(total >= 0 && total <= 100)) throw new HttpError(400, '总分应为 0–100 的数');
        const rules = await ws.rules();
        const r = whatIfProject(t, entry, rules, {
          ...(grade ? { grade } : {}),
          ...(total !== undefined ? { total } : {}),
        });
        const projects = (await ws.goals()).projects.map((p) => ({ code: p.code, name: p.name }));
        send(res, 200, { ...whatIfView(r, rules), projects });
      },
    },
    {
      method: 'GET',
      path: '/api/monitor',
      run: async (_q, res, url) => {
        if (ws.readActualsText('mid-year').version === 'none')
          throw new UserError('工作文件夹里还没有运行监控数据（actuals-mid-year.yaml）');
        const doc = loadActuals(ws.actualsPath('mid-year'));
        const asOf = url.searchParams.get('asOf') || doc.asOf || '';
        if (doc.asOf && asOf !== doc.asOf)
          throw new UserError(`所选日期 ${asOf} 与 actuals-mid-year.yaml 的截止日期 ${doc.asOf} 不一致`);
        const rules = await ws.rules();
        const result = monitorDocument(await ws.goals(), doc, rules, asOf);
        if (!result.ok) throw new UserError(`无法完成运行监控：有 ${result.errors.length} 处问题`, result.errors);
        // The monitoring inputs as written in the file (blank where the page shows the suggestion).
        const { projects, version } = entriesOf('mid-year');
        const fields = Object.fromEntries(
          (await ws.goals()).projects.map((t) => [
            t.code,
            entryFields(
              t,
              projects.find((e) => e.code === t.code),
            ),
          ]),
        );
        send(res, 200, { ...monitoringView(result.monitoring, rules), fields, version });
      },
    },
    {
      method: 'POST',
      path: '/api/report',
      run: async (req, res) => {
        const body = await readJson(req);
        const kind = str(body.kind, '报告种类');
        const format = str(body.format, '格式');
        const p: Period = kind === 'monitoring' ? 'mid-year' : 'year-end';
        const goalsPath = ws.goalsPath();
        if (!goalsPath) throw new UserError('工作文件夹里还没有绩效目标');
        const out = join(ws.root, OUT_DIR);
        if (!REPORT_KINDS.includes(kind) || !REPORT_FORMATS.includes(format))
          throw new HttpError(400, `不支持的报告种类或格式：${kind.slice(0, 40)} ${format.slice(0, 20)}`);
        const project =
          typeof body.project === 'string' && body.project ? [(await table(body.project)).code] : undefined;
        const actualsPath = ws.actualsPath(p);
        const goals = await ws.goals();
        const { data } = reportData(goals, await readActuals(actualsPath, goals), await ws.rules(), {
          actualsName: ACTUALS_FILE[p],
          ...(project ? { projects: project } : {}),
        });
        const rendered = await renderReportFiles(kind as ReportKind, data, {
          format,
          outDir: out,
          readTemplate: (file) => readInput(file, '模板').toString('utf8'),
        });
        writeReportBatch(out, rendered, [goalsPath, actualsPath]);
        const files = rendered.map((f) => `${OUT_DIR}/${basename(f.path)}`).sort();
        send(res, 200, { files });
      },
    },
    {
      method: 'GET',
      path: '/files/',
      prefix: true,
      run: (_q, res, url) => {
        const rel = decodeURIComponent(url.pathname.slice('/files/'.length));
        const file = insideWorkspace(ws.root, rel);
        if (!existsSync(file) || !statSync(file).isFile()) throw new HttpError(404, '文件不存在');
        const name = basename(file);
        send(res, 200, readFileSync(file), TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream', {
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
      },
    },
  ];
}

function cells(v: unknown): Fields {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, '缺少单元格内容');
  const out: Fields = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' && x.length <= 32_767) out[k] = x;
  return out;
}

function changeList(v: unknown): Change[] {
  if (!Array.isArray(v) || v.length > 10_000) throw new HttpError(400, '缺少修改内容');
  return v.map((c) => {
    const o = c as Record<string, unknown>;
    const val = (x: unknown) => (typeof x === 'string' ? x : x === null || x === undefined ? null : String(x));
    return { field: str(o.field, '字段'), old: val(o.old), new: val(o.new) };
  });
}
