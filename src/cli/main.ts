/**
 * `kpi-progress` CLI entry: global options (--lang ja|en, --help), then a command from the registry.
 * Every failure is one clear message and an exit status, never a stack trace.
 */
import { errorDetail, isMessageError, t } from '../core/catalogue';
import type { Lang } from '../core/findings';
import { allCommands, findCommand } from './commands';
import { consoleIo, UsageError, type CliContext, type CliIo } from './io';

async function helpLines(ctx: { lang: Lang }): Promise<string[]> {
  const lines = [
    t(ctx.lang, 'cli.help.title'),
    '',
    t(ctx.lang, 'cli.help.usage'),
    '',
    t(ctx.lang, 'cli.help.commands'),
  ];
  for (const c of await allCommands()) lines.push(`  ${c.name.padEnd(12)} ${t(ctx.lang, c.summary)}`, `  ${''.padEnd(12)} ${c.usage}`);
  return lines;
}

/** Takes --lang out of argv wherever it is; an unknown language is a usage error. */
function takeLang(argv: string[]): { lang: Lang; rest: string[] } {
  let lang: Lang = 'ja';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = a === '--lang' ? argv[++i] : a.startsWith('--lang=') ? a.slice(7) : null;
    if (v === null) {
      rest.push(a);
      continue;
    }
    // the language is what is wrong: said in both
    if (v !== 'ja' && v !== 'en') throw new UsageError(`${t('ja', 'cli.bad-lang', { value: v ?? '' })} / ${t('en', 'cli.bad-lang', { value: v ?? '' })}`);
    lang = v;
  }
  return { lang, rest };
}

/** check's steps, loaded as check loads them: scripts/check-stages.js times each in the built bundle. */
export async function checkStages() {
  return (await import('./commands/check')).checkStages;
}

export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let ctx: CliContext = { lang: 'ja', ...io };
  try {
    const { lang, rest } = takeLang(argv);
    ctx = { lang, ...io };
    const [name, ...args] = rest;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      for (const line of await helpLines(ctx)) (name ? io.out : io.err)(line);
      return name ? 0 : 2;
    }
    const command = await findCommand(name);
    if (!command) {
      io.err(t(ctx.lang, 'cli.unknown-command', { name }));
      for (const line of await helpLines(ctx)) io.err(line);
      return 2;
    }
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${command.usage}\n  ${t(lang, command.summary)}`);
      return 0;
    }
    return await command.run(args, ctx);
  } catch (e) {
    // unreadable files, refused writes, unknown sheets, usage: one sentence in the user's language
    if (e instanceof UsageError || isMessageError(e)) {
      io.err(errorDetail(ctx.lang, e));
      return 2;
    }
    io.err(t(ctx.lang, 'cli.stopped', { detail: errorDetail(ctx.lang, e) }));
    if (process.env.KPI_PROGRESS_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 2;
  }
}
