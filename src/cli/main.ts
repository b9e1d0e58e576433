import { type Argument, Command, Help, type Option } from 'commander';
import { UserError } from '../errors.js';
import { fsCode, fsReason } from '../io/fs-errors.js';
import { displayWidth, wrapText } from '../report/terminal/width.js';
import type { ReportOptions } from './commands/report.js';
import type { WhatIfOptions } from './commands/whatif.js';
import { GOALS_YEAR_OPTION } from './goals-year.js';
import { terminalText } from './terminal.js';

/** --project CODE, repeatable or comma-separated (score, monitor, report). */
const PROJECT_OPTION = [
  '--project <项目编码>',
  '只处理这些项目（可重复，或用逗号分隔多个编码）',
  (value: string, previous: string[]) => [...previous, value],
  [] as string[],
] as const;

/** --rules-dir DIR (every command taking --rules): the user's folder of rule sets, for names and `extends:`. */
const RULES_DIR_OPTION = [
  '--rules-dir <dir>',
  '自己的规则集文件夹：--rules 写名称时先在这里找，规则集可继承其中的文件',
] as const;

/** --summary (score, monitor): the table of all projects only. */
const SUMMARY_OPTION = ['--summary', '只打印各项目汇总表（编码、名称、总分、等级、提示条数）'] as const;

/**
 * The jixiao command line. Each command lives in its own module and is imported only when it runs, so
 * `jixiao --help` and light commands do not pay for heavy modules (mathjs, exceljs, Chromium).
 */
/** Commander's frame in Chinese: headings, usage words, "(default: …)". */
const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};
const zhDefault = (text: string) => text.replace(/ ?\(default: (.*)\)$/, '（默认：$1）');
/**
 * Commander pads and wraps by string length; a Chinese character takes two columns, so help columns are
 * measured and wrapped by display width (Chinese text breaks between characters, having no spaces).
 */
const HELP: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
  styleUsage: (usage: string) => usage.replace('[options]', '[选项]').replace('[command]', '[命令]'),
  styleSubcommandTerm: (term: string) => term.replace('[options]', '[选项]'),
  displayWidth,
  boxWrap: wrapText,
  // A repeatable option's empty list is no default worth printing ("（默认：[]）").
  optionDescription: (option: Option) =>
    Array.isArray(option.defaultValue) && option.defaultValue.length === 0
      ? option.description
      : zhDefault(Help.prototype.optionDescription.call(new Help(), option)),
  argumentDescription: (argument: Argument) => zhDefault(Help.prototype.argumentDescription.call(new Help(), argument)),
};

/** Commander's parser errors in Chinese (its messages are fixed English strings). */
export function chineseError(text: string): string {
  return text
    .replace(/^error: unknown command '(.*)'/m, '错误：没有“$1”这个命令')
    .replace(/^error: unknown option '(.*)'/m, '错误：没有 $1 这个选项')
    .replace(/^error: missing required argument '(.*)'/m, '错误：缺少参数 <$1>')
    .replace(/^error: required option '(.*)' not specified/m, '错误：缺少必填选项 $1')
    .replace(/^error: option '(.*)' argument missing/m, '错误：选项 $1 后面缺少取值')
    .replace(
      /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\./m,
      (_, cmd, n, got) => `错误：${cmd ? `${cmd} ` : ''}参数过多：应为 ${n} 个，收到 ${got} 个`,
    )
    .replace(/\(Did you mean one of (.*)\?\)/, '（是不是要用以下之一：$1？）')
    .replace(/\(Did you mean (.*)\?\)/, '（是不是要用 $1？）')
    .replace(/^error: /m, '错误：');
}

/** 1–3 examples under a command's help. */
const examples = (...lines: string[]) => `\n示例：\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function buildProgram(state: { exitCode: number } = { exitCode: 0 }): Command {
  const program = new Command('jixiao')
    .description('绩效 — 预算绩效管理评分工具：导入绩效目标表、评分、运行监控、目标审核、生成自评报告')
    .version('0.1.0', '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（用 --help 查看用法）')
    .configureHelp(HELP)
    .configureOutput({ outputError: (text, write) => write(chineseError(text)) })
    .exitOverride()
    .hook('preAction', async (_program, action) => {
      const dir = (action.opts() as { rulesDir?: string }).rulesDir;
      if (dir !== undefined) (await import('../io/rules.js')).useRulesDir(dir);
    });

  program
    .command('import')
    .addHelpText(
      'after',
      examples('jixiao import 目标表.docx -o goals.json', 'jixiao import 绩效目标.txt -o goals.json'),
    )
    .description('导入部门绩效目标文档（Word 导出的文本、.docx 或 .xlsx），输出结构化的目标表 JSON')
    .argument('<file>', '绩效目标文档（.txt：UTF-8 / UTF-16 / GBK；.docx；.xlsx）')
    .option('-o, --output <file>', '输出 JSON 文件（默认打印到标准输出）')
    .option(...GOALS_YEAR_OPTION)
    .action(async (file: string, opts: { output?: string; year?: string }) => {
      const { runImport } = await import('./commands/import.js');
      await runImport(file, opts);
    });

  program
    .command('schema')
    .description('打印输入文件的 JSON Schema')
    .argument('<name>', 'goals | actuals | rules')
    .action(async (name: string) => {
      const { runSchema } = await import('./commands/schema.js');
      await runSchema(name);
    });

  program
    .command('template')
    .addHelpText(
      'after',
      examples(
        'jixiao template goals.json -o actuals.xlsx',
        'jixiao template goals.json -p mid-year --as-of 2025-06-30 -o mid-year.xlsx',
        'jixiao template goals.json -o actuals.yaml --force',
      ),
    )
    .description('生成实际完成情况填报模板：YAML，或 -o 以 .xlsx 结尾时生成 Excel 填报表；列出每个项目和指标，留空待填')
    .argument('<goals>', '目标表（jixiao import 生成的 JSON，或绩效目标文档 .txt / .docx / .xlsx）')
    .option('-p, --period <period>', 'year-end（年终自评）| mid-year（运行监控）', 'year-end')
    .option('--as-of <date>', '运行监控截止日期（mid-year），默认 6月30日')
    .option('-o, --output <file>', '写入文件：.yaml 或 .xlsx（默认以 YAML 打印到标准输出）')
    .option('--force', '-o 的文件已存在时覆盖它（默认不覆盖，以免替换已填写的数据）')
    .option(...GOALS_YEAR_OPTION)
    .action(
      async (
        goals: string,
        opts: { period: string; asOf?: string; output?: string; force?: boolean; year?: string },
      ) => {
        const { runTemplate } = await import('./commands/template.js');
        await runTemplate(goals, opts);
      },
    );

  program
    .command('score')
    .addHelpText(
      'after',
      examples(
        'jixiao score goals.json actuals.xlsx',
        'jixiao score goals.json actuals.yaml -r hubei-20 -f json -o score.json',
        'jixiao score goals.jsonl actuals.jsonl -o score.jsonl',
      ),
    )
    .addHelpText(
      'after',
      [
        '',
        '大批项目（JSON Lines）：两个输入都是 .jsonl 时逐行评分，内存与项目数无关。',
        '  目标表每行一个项目的目标表（goals.json 中 projects 的一项），',
        '  实际完成情况每行一个项目；两个文件须按同一项目顺序排列：',
        '  按行配对并核对项目编码，不一致时指出两边的行并停止。',
        '  输出每行一个项目的结果；--explain 附完整计分说明。',
        '  退出码：0 全部完成评分；1 已写出但有未完成或无法读取的行；',
        '  2 出错，未写出。',
      ].join('\n'),
    )
    .description('年终自评：按评分规则计算每个指标、预算执行率、总分和等级，并说明每一分的来由')
    .argument('<goals>', '目标表（jixiao import 生成的 JSON，或绩效目标文档 .txt / .docx / .xlsx）')
    .argument('<actuals>', '实际完成情况（YAML 或 JSON；用 jixiao template 生成）')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option('-f, --format <format>', 'table | json | jsonl（默认 table；输入为 .jsonl 时为 jsonl）')
    .option('-o, --output <file>', '写入文件（默认打印到标准输出）')
    .option(...PROJECT_OPTION)
    .option('--allow-incomplete', '有未填写或填写有误的指标时，仍给已填写部分评分并标明未完成（退出码 0）')
    .option(...SUMMARY_OPTION)
    .option('--explain', 'jsonl：每行附完整计分说明（同 --format json）')
    .option('--previous <file>', '上年的评分结果（score -f json 的输出），逐项列出上年实际值和得分')
    .option(...GOALS_YEAR_OPTION)
    .action(
      async (
        goals: string,
        actuals: string,
        opts: {
          rules: string;
          format?: string;
          output?: string;
          project: string[];
          allowIncomplete?: boolean;
          summary?: boolean;
          explain?: boolean;
          previous?: string;
          year?: string;
        },
      ) => {
        const { runScore } = await import('./commands/score.js');
        state.exitCode = await runScore(goals, actuals, opts);
      },
    );

  program
    .command('monitor')
    .addHelpText(
      'after',
      examples(
        'jixiao monitor goals.json mid-year.xlsx',
        'jixiao monitor goals.json mid-year.yaml --as-of 2025-06-30 -f json -o m.json',
      ),
    )
    .description('运行监控（年中）：预算执行与资金支出计划、序时进度对比，指标进度与全年预测')
    .argument('<goals>', '目标表（jixiao import 生成的 JSON，或绩效目标文档 .txt / .docx / .xlsx）')
    .argument('<actuals>', '截至监控日的完成情况（YAML 或 JSON，period: mid-year）')
    .option('--as-of <date>', '监控截止日期，如 2025-06-30（默认取实际完成情况文件中的 asOf）')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option('-f, --format <format>', 'table | json', 'table')
    .option('-o, --output <file>', '写入文件（默认打印到标准输出）')
    .option(...PROJECT_OPTION)
    .option(...SUMMARY_OPTION)
    .option(...GOALS_YEAR_OPTION)
    .action(
      async (
        goals: string,
        actuals: string,
        opts: {
          asOf?: string;
          rules: string;
          format: string;
          output?: string;
          project: string[];
          summary?: boolean;
          year?: string;
        },
      ) => {
        const { runMonitor } = await import('./commands/monitor.js');
        await runMonitor(goals, actuals, opts);
      },
    );

  program
    .command('check')
    .addHelpText('after', examples('jixiao check goals.json', 'jixiao check 目标表.docx --format json'))
    .description('绩效目标审核：检查目标表中的缺陷（指标值无法识别、成本与预算不符、重复指标等）')
    .argument('<goals>', '目标表（jixiao import 生成的 JSON，或绩效目标文档 .txt / .docx / .xlsx）')
    .option('-f, --format <format>', 'table | json', 'table')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option(...GOALS_YEAR_OPTION)
    .action(async (goals: string, opts: { format: string; rules: string; year?: string }) => {
      const { runCheck } = await import('./commands/check.js');
      state.exitCode = await runCheck(goals, opts);
    });

  program
    .command('report')
    .addHelpText(
      'after',
      examples(
        'jixiao report goals.json actuals.xlsx -o 报告',
        'jixiao report goals.json actuals.xlsx --format xlsx -o 报告',
        'jixiao report goals.json mid-year.yaml --kind monitoring -o 监控报告',
      ),
    )
    .description('生成报告：项目支出绩效自评表与自评报告、运行监控表与监控报告、部门整体汇总')
    .argument('<goals>', '目标表（jixiao import 生成的 JSON，或绩效目标文档 .txt / .docx / .xlsx）')
    .argument('<actuals>', '实际完成情况（YAML / JSON / xlsx / csv）')
    .option('-k, --kind <kind>', 'self-evaluation | monitoring | department', 'self-evaluation')
    .option('-f, --format <format>', 'html | md | pdf | docx | xlsx', 'html')
    .requiredOption('-o, --output <dir>', '输出文件夹（必填）')
    .option('-t, --templates <dir>', '自定义模板文件夹（按文件名覆盖内置模板或局部模板）')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option('--as-of <date>', '运行监控截止日期（monitoring）')
    .option(...PROJECT_OPTION)
    .option('--previous <file>', '上年的评分结果（score -f json 的输出）：自评报告加一段与上年比较')
    .option(...GOALS_YEAR_OPTION)
    .action(async (goals: string, actuals: string, opts: ReportOptions) => {
      const { runReport } = await import('./commands/report.js');
      await runReport(goals, actuals, opts);
    });

  program
    .command('review')
    .addHelpText('after', examples('jixiao review 自评表.xlsx', 'jixiao review 自评表/ --format xlsx -o 复核.xlsx'))
    .description(
      '复核：读取已填报的项目支出绩效自评表（.xlsx / .csv，可多个或整个文件夹），按规则重新评分，列出自评分与规则得分的差异。' +
        '退出码：0 全部与规则一致，1 有差异，3 有自评表无法读取',
    )
    .argument('<files...>', '自评表（官方版式，.xlsx 或 .csv），或存放自评表的文件夹')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option('-f, --format <format>', 'table | json | csv | xlsx（多张表时为汇总；xlsx 需 -o）', 'table')
    .option('-o, --output <file>', '把汇总写入文件（json / csv / xlsx）')
    .option('--year <年度>', '自评表没有写明年度时，按哪一年理解日期（默认今年）')
    .action(async (files: string[], opts: { rules: string; format: string; year?: string; output?: string }) => {
      const { runReview } = await import('./commands/review.js');
      state.exitCode = await runReview(files, opts);
    });

  program
    .command('whatif')
    .description('测算：每个指标得满分需要的实际完成值；项目达到下一等级（或指定等级、总分）最少要改变哪些值')
    .argument('<goals>', '目标表（jixiao import 生成的 JSON，或绩效目标文档）')
    .argument('<actuals>', '实际完成情况（YAML / JSON / xlsx / csv）')
    .option('--project <项目编码>', '只测算这个项目')
    .option('--grade <等级>', '要达到的等级（如 优）；默认下一等级')
    .option('--total <分数>', '要达到的总分（如 90）')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option('-f, --format <format>', 'table | json', 'table')
    .option('-o, --output <file>', '写入文件（默认打印到标准输出）')
    .option(...GOALS_YEAR_OPTION)
    .action(async (goals: string, actuals: string, opts: WhatIfOptions) => {
      const { runWhatIf } = await import('./commands/whatif.js');
      await runWhatIf(goals, actuals, opts);
    });

  program
    .command('serve')
    .description('启动本机工作台（浏览器页面）：导入目标文档、填报实际完成值并即时评分、运行监控、生成报告')
    .argument('[dir]', '工作文件夹（目标表、实际完成情况和输出都放在这里），默认当前文件夹')
    .option('-p, --port <port>', '端口（0 表示自动选择）', '0')
    .option('--open', '启动后打开浏览器')
    .option('-r, --rules <name|path>', '评分规则集名称或 YAML 文件', 'national')
    .option(...RULES_DIR_OPTION)
    .option(...GOALS_YEAR_OPTION)
    .action(async (dir: string | undefined, opts: { port: string; open?: boolean; rules: string; year?: string }) => {
      const { runServe } = await import('./commands/serve.js');
      await runServe(dir, opts);
    });

  const rules = program.command('rules').description('评分规则集：列出、查看（每条规则附来源）');
  rules
    .command('list')
    .description('列出内置规则集')
    .option(...RULES_DIR_OPTION)
    .action(async () => {
      const { runRulesList } = await import('./commands/rules.js');
      await runRulesList();
    });
  rules
    .command('show')
    .description('显示规则集的全部规则及其来源')
    .argument('<name>', '规则集名称或 YAML 文件路径')
    .option('--format <format>', 'text | json', 'text')
    .option(...RULES_DIR_OPTION)
    .action(async (name: string, opts: { format: string }) => {
      const { runRulesShow } = await import('./commands/rules.js');
      await runRulesShow(name, opts);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    // A command that finds problems in the data it checks (check: errors) sets a non-zero exit code.
    const state = { exitCode: 0 };
    await buildProgram(state).parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(terminalText(`错误：${err.describe()}\n`));
      return err.exitCode;
    }
    if (err && typeof err === 'object' && 'code' in err && String(err.code).startsWith('commander.')) {
      const exitCode = (err as { exitCode?: number }).exitCode ?? 1;
      return exitCode;
    }
    // A file-system failure no reader or writer put in words (a folder that cannot be made or listed …).
    const code = fsCode(err);
    if (code) {
      const path = (err as NodeJS.ErrnoException).path;
      process.stderr.write(`错误：${path ? `无法访问 ${path}：` : ''}${fsReason(err)}\n`);
      return 2;
    }
    process.stderr.write(
      `内部错误（请报告此问题）：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 70;
  }
}
