import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScoringRules } from '../core/scoring/types.js';
import { type Problem, UserError } from '../errors.js';
import { dropBlanks } from '../io/actuals.js';
import { serializeGoalDocument } from '../io/goal-document/index.js';
import { readGoals } from '../io/goals.js';
import { loadRuleSet } from '../io/rules.js';
import { writeFileAtomic } from '../io/write.js';
import { placeInChain, readYamlFile } from '../io/yaml-file.js';
import { zodProblems } from '../io/zod-problems.js';
import type { GoalDocument } from '../model/goals.js';
import type { Period } from '../report/actuals-template.js';
import { DraftProject } from './fields.js';

/**
 * A workspace is a folder in the CLI's own formats, so the user can switch between page and terminal at any
 * time: `goals.json` (what `jixiao import` writes; an uploaded goal document is imported into it), `actuals.yaml`
 * (year-end) and `actuals-mid-year.yaml` (monitoring), and `out/` for reports. Goals are read by the one goals
 * loader every command uses (readGoals), so a .txt, .docx, .xlsx or .json works here as it does on the command line.
 */
export const GOALS_FILE = 'goals.json';
export const ACTUALS_FILE: Record<Period, string> = { 'year-end': 'actuals.yaml', 'mid-year': 'actuals-mid-year.yaml' };
export const OUT_DIR = 'out';

export class Workspace {
  private goalsCache?: { key: string; goals: Promise<GoalDocument> };
  private rulesCache?: Promise<ScoringRules>;

  /** `year`: for a goal document that states none (serve --year), as on the command line. */
  constructor(
    readonly root: string,
    readonly rulesRef = 'national',
    readonly year?: number,
  ) {}

  /** goals.json, else a single goal document (.txt, .docx, .xlsx) lying in the folder, else none yet. */
  goalsPath(): string | undefined {
    const json = join(this.root, GOALS_FILE);
    if (existsSync(json)) return json;
    const docs = readdirSync(this.root).filter((f) => /\.(txt|docx|xlsx)$/i.test(f) && !/^[.~]/.test(f));
    return docs.length === 1 ? join(this.root, docs[0] as string) : undefined;
  }

  /** The goal tables, re-read when the file changes (the CLI or an editor may rewrite it). */
  goals(): Promise<GoalDocument> {
    const path = this.goalsPath();
    if (!path) return Promise.reject(new UserError('工作文件夹里还没有绩效目标：请先在“开始”页选择目标文档'));
    const st = statSync(path);
    const key = `${path}:${st.mtimeMs}:${st.size}`;
    if (this.goalsCache?.key !== key) {
      const goals = this.read(path);
      this.goalsCache = { key, goals };
      // A file that cannot be read is read again next time (the user may fix it), not remembered as failed.
      goals.catch(() => {
        if (this.goalsCache?.goals === goals) this.goalsCache = undefined;
      });
    }
    return this.goalsCache.goals;
  }

  private async read(path: string): Promise<GoalDocument> {
    return (await readGoals(path, this.year === undefined ? {} : { year: this.year })).doc;
  }

  rules(): Promise<ScoringRules> {
    this.rulesCache ??= loadRuleSet(this.rulesRef);
    return this.rulesCache;
  }

  actualsPath(period: Period): string {
    return join(this.root, ACTUALS_FILE[period]);
  }

  /** The actuals file's text and its version (a content hash the page sends back to detect other writers). */
  readActualsText(period: Period): { text: string | null; version: string } {
    const path = this.actualsPath(period);
    if (!existsSync(path)) return { text: null, version: 'none' };
    const text = readFileSync(path, 'utf8');
    return { text, version: versionOf(text) };
  }

  /**
   * Every project entry of the actuals file, read leniently (see DraftProject); a project the schema refuses is
   * left out and its problems returned, named by file, key path and line as the CLI names them.
   */
  readEntries(period: Period): { projects: DraftProject[]; version: string; problems: Problem[] } {
    const { version } = this.readActualsText(period);
    if (version === 'none') return { projects: [], version, problems: [] };
    const path = this.actualsPath(period);
    const display = ACTUALS_FILE[period];
    const { ruleFile, problems } = readYamlFile(
      path,
      display,
      '实际完成情况文件应是一个键值映射（schema、period、projects）',
    );
    if (!ruleFile) return { projects: [], version, problems };
    const list = (dropBlanks(ruleFile.data) as { projects?: unknown }).projects;
    const projects: DraftProject[] = [];
    const place = placeInChain([ruleFile]);
    (Array.isArray(list) ? list : []).forEach((p, i) => {
      const parsed = DraftProject.safeParse(p);
      if (parsed.success) projects.push(parsed.data);
      else
        problems.push(
          ...zodProblems(
            parsed.error.issues.map((x) => ({ ...x, path: ['projects', i, ...x.path] })),
            place,
          ),
        );
    });
    return { projects, version, problems };
  }

  /**
   * Store an uploaded goal document under its own name and import it into goals.json (the file every command
   * reads), through the same reader as the command line.
   */
  async importUpload(name: string, bytes: Buffer): Promise<GoalDocument> {
    const stored = join(this.root, name);
    writeFileAtomic(stored, bytes);
    const goals = await this.read(stored);
    if (!/^goals\.json$/i.test(name)) writeFileAtomic(join(this.root, GOALS_FILE), serializeGoalDocument(goals));
    this.goalsCache = undefined;
    return goals;
  }
}

export const versionOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
