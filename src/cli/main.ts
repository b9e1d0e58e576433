import { Command } from 'commander';
import { UserError } from '../errors.js';

/**
 * The jixiao command line. Each command lives in its own module and is imported only when it runs, so
 * `jixiao --help` and light commands do not pay for heavy modules (mathjs, exceljs, Chromium).
 */
export function buildProgram(): Command {
  const program = new Command('jixiao')
    .description('绩效 — 预算绩效管理评分工具：导入绩效目标表、评分、运行监控、目标审核、生成自评报告')
    .version('0.1.0', '-V, --version', '显示版本')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('(用 --help 查看用法)')
    .exitOverride();

  program
    .command('import')
    .description('导入部门绩效目标文档（Word 导出的文本），输出结构化的目标表 JSON')
    .argument('<file>', '绩效目标文档（.txt，UTF-8 / UTF-16 / GBK）')
    .option('-o, --output <file>', '输出 JSON 文件（默认打印到标准输出）')
    .action(async (file: string, opts: { output?: string }) => {
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

  const rules = program.command('rules').description('评分规则集：列出、查看（每条规则附来源）');
  rules
    .command('list')
    .description('列出内置规则集')
    .action(async () => {
      const { runRulesList } = await import('./commands/rules.js');
      await runRulesList();
    });
  rules
    .command('show')
    .description('显示规则集的全部规则及其来源')
    .argument('<name>', '规则集名称或 YAML 文件路径')
    .option('--format <format>', 'text | json', 'text')
    .action(async (name: string, opts: { format: string }) => {
      const { runRulesShow } = await import('./commands/rules.js');
      await runRulesShow(name, opts);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`错误：${err.describe()}\n`);
      return err.exitCode;
    }
    if (err && typeof err === 'object' && 'code' in err && String(err.code).startsWith('commander.')) {
      const exitCode = (err as { exitCode?: number }).exitCode ?? 1;
      return exitCode;
    }
    process.stderr.write(
      `内部错误（请报告此问题）：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return 70;
  }
}
