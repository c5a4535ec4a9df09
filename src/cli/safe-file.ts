/**
 * Replacing a workbook on disk without losing anyone's work (issue #16): the bytes go to a temporary
 * file beside the target, which then replaces it by rename (a failed write never leaves half a file);
 * the target keeps its mode; a symlink is written through to its target; a read-only target, a book
 * Excel has open (its lock file `~$name.xlsx`), an input another program saved since we read it, and a
 * second kpi-progress writing the same file are refused with a sentence saying what to do.
 */
import { createHash } from 'crypto';
import { constants, promises as fs } from 'fs';
import * as path from 'path';
import { isMessageError, MessageError } from '../core/catalogue';

/** What a file was when we read it: compared again just before we write. */
export interface Fingerprint {
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export function fingerprintOf(file: string, bytes: Uint8Array, stat: { size: number; mtimeMs: number }): Fingerprint {
  return { file, size: stat.size, mtimeMs: stat.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Reads a file's current fingerprint, or null when it is gone. */
export async function fingerprintFile(file: string): Promise<Fingerprint | null> {
  try {
    const stat = await fs.stat(file);
    return fingerprintOf(file, await fs.readFile(file), stat);
  } catch {
    return null;
  }
}

/** The file a path names, through symlinks (the path itself when it does not exist yet). */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    // a new file, or a dangling symlink: write where the link points
    try {
      const link = await fs.readlink(file);
      return path.resolve(path.dirname(file), link);
    } catch {
      return path.resolve(file);
    }
  }
}

/** Excel's owner file beside an open book: "~$" + the name (Excel shortens nothing for .xlsx). */
export function excelLockFile(file: string): string {
  return path.join(path.dirname(file), `~$${path.basename(file)}`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Refuses when Excel has the book open: its `~$` lock file lies beside it. */
export async function refuseIfOpenInExcel(file: string): Promise<void> {
  for (const f of new Set([file, await realTarget(file)])) {
    if (await exists(excelLockFile(f))) {
      throw new MessageError('file.open-in-excel', { name: file, lock: path.basename(excelLockFile(f)) });
    }
  }
}

/** Lock file of kpi-progress beside the target: holds the pid of the writer. */
export function writerLockFile(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.kpi-progress.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface WriteLock {
  release(): Promise<void>;
}

/**
 * Takes the one-writer lock of each file (through symlinks), or refuses when a running kpi-progress
 * holds one. A lock left by a process that is gone is taken over.
 */
export async function lockForWriting(files: string[]): Promise<WriteLock> {
  const taken: string[] = [];
  const release = async () => {
    for (const l of taken) await fs.rm(l, { force: true });
  };
  try {
    for (const target of new Set(await Promise.all(files.map(realTarget)))) {
      const lock = writerLockFile(target);
      for (let attempt = 0; ; attempt++) {
        try {
          const h = await fs.open(lock, 'wx');
          await h.writeFile(String(process.pid));
          await h.close();
          taken.push(lock);
          break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
          const pid = Number((await fs.readFile(lock, 'utf8').catch(() => '')).trim());
          if (attempt === 0 && !(pid > 0 && alive(pid))) {
            await fs.rm(lock, { force: true });
            continue;
          }
          throw new MessageError('file.busy', { name: target, pid: String(pid || '?') });
        }
      }
    }
  } catch (e) {
    await release();
    throw e;
  }
  return { release };
}

/** Runs `fn` holding the writer locks of `files`. */
export async function withWriteLock<T>(files: string[], fn: () => Promise<T>): Promise<T> {
  const lock = await lockForWriting(files);
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

async function refuseIfChanged(source: Fingerprint): Promise<void> {
  const now = await fingerprintFile(source.file);
  if (now && now.size === source.size && now.mtimeMs === source.mtimeMs && now.sha256 === source.sha256) return;
  throw new MessageError('file.changed', { name: source.file });
}

export interface SafeWriteOptions {
  /** The input as it was read: the write is refused when it changed since. */
  source?: Fingerprint;
}

/** Writes bytes safely (see the file comment). Throws a MessageError (exit 2) when it must refuse. */
export async function writeFileSafely(file: string, bytes: Uint8Array | string, options: SafeWriteOptions = {}): Promise<void> {
  const target = await realTarget(file);
  await refuseIfOpenInExcel(file);
  let mode: number | null = null;
  try {
    const stat = await fs.stat(target);
    if (!stat.isFile()) throw new MessageError('file.not-a-file', { name: file });
    mode = stat.mode & 0o7777;
    // the write bits decide, not access(): root may write anything, but a read-only book says "keep me"
    if ((mode & 0o222) === 0) throw new MessageError('file.read-only', { name: file });
    await fs.access(target, constants.W_OK);
  } catch (e) {
    if (isMessageError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new MessageError('file.no-write-permission', { name: file });
    if (code !== 'ENOENT') throw e;
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const h = await fs.open(tmp, 'wx', mode ?? 0o666);
    try {
      await h.writeFile(bytes);
      if (mode !== null) await h.chmod(mode); // the umask must not change a kept mode
      await h.sync();
    } finally {
      await h.close();
    }
    if (options.source) await refuseIfChanged(options.source);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if (isMessageError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new MessageError('file.cannot-write', { name: file, code });
  }
}
