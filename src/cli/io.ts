/** What a CLI command receives: language and writers (tests capture them instead of the console). */
import { MessageError, type MessageId } from '../core/catalogue';
import type { CLI_SUMMARIES } from '../core/catalogue/cli';
import type { Lang } from '../core/findings';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Writes a piece of standard output as it is (no line end): long output goes out in pieces. */
  write?(piece: string): void;
}

export interface CliContext extends CliIo {
  lang: Lang;
}

export interface CliCommand {
  name: string;
  /** Its line in the help, a catalogue id. */
  summary: SummaryId;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<number>;
}

export type SummaryId = keyof typeof CLI_SUMMARIES & MessageId;

/** A usage error, already in the user's language: printed as it is, exit status 2. */
export class UsageError extends Error {}

let pipeGuard = false;

/** `kpi-progress check … | head` closes the pipe early: stop quietly instead of crashing on EPIPE. */
function guardPipes(): void {
  if (pipeGuard) return;
  pipeGuard = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw e;
    });
  }
}

export const consoleIo: CliIo = {
  out: (line) => (guardPipes(), process.stdout.write(`${line}\n`)),
  err: (line) => (guardPipes(), process.stderr.write(`${line}\n`)),
  write: (piece) => (guardPipes(), process.stdout.write(piece)),
};

/**
 * Output made in pieces (`produce` calls its writer with each) as one line of output: written piece by
 * piece where the io can (the console), else joined and given to `out` (tests capture lines).
 */
export function outPieces(io: CliIo, produce: (write: (piece: string) => void) => void): void {
  if (io.write) {
    const write = io.write;
    produce((piece) => write(piece));
    write('\n');
    return;
  }
  const pieces: string[] = [];
  produce((piece) => pieces.push(piece));
  io.out(pieces.join(''));
}


/** Splits "--flag value" options from positional arguments; flags listed in `booleans` take no value. Throws a catalogue error (main prints it in the user's language, exit 2). */
export function parseOptions(args: string[], booleans: string[], valued: string[]): { positional: string[]; options: Record<string, string | true> } {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (booleans.includes(key)) options[key] = true;
    else if (valued.includes(key)) {
      const v = inline ?? args[++i];
      if (v === undefined) throw new MessageError('cli.option.needs-value', { option: `--${key}` });
      options[key] = v;
    } else throw new MessageError('cli.option.unknown', { option: `--${key}` });
  }
  return { positional, options };
}
