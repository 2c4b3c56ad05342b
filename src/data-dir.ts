import {
  accessSync,
  closeSync,
  constants,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fsx from 'fs-native-extensions';

/**
 * The data directory belongs to one process at a time: a server, or an offline CLI command
 * (import, rebuild, verify). It is held with an OS-level lock on `DATA_DIR/replika.lock`
 * (an open-file-description lock through fs-native-extensions: fcntl F_OFD_SETLK on Linux,
 * flock on macOS), which the kernel releases when the holder exits, however it exits — a
 * kill -9 leaves nothing stale behind. The file also says who holds it, so the one refused can
 * name the holder. It is never deleted (deleting a lock file races the next locker).
 */

export const LOCK_FILE = 'replika.lock';

/** What the lock file says about its holder. */
export interface DataDirHolder {
  pid: number;
  /** `replika server`, `replika import`, `replika rebuild`, … */
  role: string;
  host: string;
  since: string;
  /** Where a server listens, once it does. */
  url?: string;
}

/** The data directory cannot be used: held by another process, or not accessible. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
  constructor(
    message: string,
    readonly holder?: DataDirHolder,
  ) {
    super(message);
  }
}

export interface DataDirLock {
  /** Records where the holding server listens (for the message another process gets). */
  announce(url: string): void;
  release(): void;
}

/** Makes sure `dataDir` exists and is writable; the error names the path and what to do. */
export function ensureWritableDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new DataDirError(
      `DATA_DIR ${dataDir} cannot be used: ${reason(error)}. Point DATA_DIR at a directory this user (uid ${process.getuid?.() ?? '?'}) can create, read and write.`,
    );
  }
}

/**
 * Takes the data directory for this process, or throws a DataDirError naming the process that
 * holds it.
 */
export function lockDataDir(dataDir: string, role: string): DataDirLock {
  ensureWritableDir(dataDir);
  const path = join(dataDir, LOCK_FILE);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dataDir} cannot be used: ${path}: ${reason(error)}`);
  }
  if (!fsx.tryLock(fd)) {
    closeSync(fd);
    const holder = readHolder(path);
    throw new DataDirError(
      `DATA_DIR ${dataDir} is in use by ${describe(holder)}; only one replika process may use a data directory at a time; ${advice(role, holder)}`,
      holder,
    );
  }
  const holder: DataDirHolder = {
    pid: process.pid,
    role,
    host: hostname(),
    since: new Date().toISOString(),
  };
  const write = (h: DataDirHolder) => {
    const text = `${JSON.stringify(h)}\n`;
    ftruncateSync(fd, 0);
    writeSync(fd, text, 0, 'utf8');
  };
  write(holder);
  let released = false;
  return {
    announce(url) {
      if (!released) write({ ...holder, url });
    },
    release() {
      if (released) return;
      released = true;
      try {
        ftruncateSync(fd, 0);
        fsx.unlock(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Who holds the data directory now, if anyone (without taking it). */
export function dataDirHolder(dataDir: string): DataDirHolder | undefined {
  const path = join(dataDir, LOCK_FILE);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR);
  } catch {
    return undefined;
  }
  try {
    if (!fsx.tryLock(fd))
      return readHolder(path) ?? { pid: 0, role: 'a process', host: '?', since: '?' };
    fsx.unlock(fd);
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readHolder(path: string): DataDirHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as DataDirHolder;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function describe(holder: DataDirHolder | undefined): string {
  if (!holder) return 'another process (it has not said which yet)';
  return `${holder.role} (pid ${holder.pid} on ${holder.host}, since ${holder.since}${holder.url ? `, serving ${holder.url}` : ''})`;
}

function advice(role: string, holder: DataDirHolder | undefined): string {
  const server = holder?.role === 'replika server';
  if (role === 'replika import' && server)
    return `import through it instead: replika import --url ${holder?.url ?? 'http://<host>:<port>'} FILE.csv (with REPLIKA_TOKEN set).`;
  if (role === 'replika rebuild' && server)
    return "stop it first, or bump the projection's version and restart it to rebuild beside the live one without downtime.";
  if (role === 'replika server')
    return 'stop it first, or give this server its own DATA_DIR (with KurrentDB, instances share the log, never a data directory).';
  return 'wait for it to finish, or stop it first.';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    ENOTDIR: 'a part of the path is not a directory',
  };
  return code && words[code] ? `${words[code]} (${code})` : (error as Error).message;
}
