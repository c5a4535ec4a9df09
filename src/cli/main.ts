/**
 * `kpi-progress` CLI entry: global options (--lang ja|en, --help), then a command from the registry.
 * Every failure is one clear message and an exit status, never a stack trace.
 */
import { UnkeptPartsError } from '../xlsx/keep-parts';
import { isMessageError, translateError } from '../core/catalogue';
import type { Lang } from '../core/findings';
import { WorkbookLoadError } from '../xlsx/load';
import { commands, findCommand } from './commands';
import { consoleIo, t, UsageError, type CliContext, type CliIo } from './io';

function helpLines(ctx: { lang: Lang }): string[] {
  const lines = [
    t(ctx, 'KPI進捗アシスタント — 進捗状況一覧表の検査と更新', 'KPI progress assistant — check and update the KPI progress table'),
    '',
    t(ctx, '使い方: kpi-progress <コマンド> [引数] [--lang ja|en]', 'usage: kpi-progress <command> [arguments] [--lang ja|en]'),
    '',
    t(ctx, 'コマンド:', 'commands:'),
  ];
  for (const c of commands) lines.push(`  ${c.name.padEnd(12)} ${ctx.lang === 'en' ? c.summary.en : c.summary.ja}`, `  ${''.padEnd(12)} ${c.usage}`);
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
    if (v !== 'ja' && v !== 'en') throw new UsageError(`--lang は ja か en です / --lang must be ja or en (got "${v ?? ''}")`);
    lang = v;
  }
  return { lang, rest };
}

export async function main(argv: string[], io: CliIo = consoleIo): Promise<number> {
  let ctx: CliContext = { lang: 'ja', ...io };
  try {
    const { lang, rest } = takeLang(argv);
    ctx = { lang, ...io };
    const [name, ...args] = rest;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      for (const line of helpLines(ctx)) (name ? io.out : io.err)(line);
      return name ? 0 : 2;
    }
    const command = findCommand(name);
    if (!command) {
      io.err(t(ctx, `不明なコマンドです: ${name}`, `unknown command: ${name}`));
      for (const line of helpLines(ctx)) io.err(line);
      return 2;
    }
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`${command.usage}\n  ${lang === 'en' ? command.summary.en : command.summary.ja}`);
      return 0;
    }
    return await command.run(args, ctx);
  } catch (e) {
    if (e instanceof WorkbookLoadError) {
      io.err(ctx.lang === 'en' ? e.messageEn : e.message);
      return 2;
    }
    if (e instanceof UnkeptPartsError) {
      io.err(ctx.lang === 'en' ? e.messageEn : e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if (isMessageError(e)) {
      io.err(translateError(ctx.lang, e));
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(t(ctx, `予期しないエラーで処理を中止しました: ${msg}`, `Stopped by an unexpected error: ${msg}`));
    if (process.env.KPI_PROGRESS_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 2;
  }
}
