/**
 * Child processes for the cycle commands (cdktf, terraform). Each child gets its own process group so that stopping
 * it also stops what it started (cdktf runs terraform, terraform runs the provider); Ctrl-C and SIGTERM stop every
 * live child before the parent exits, so nothing is left behind.
 */
import { spawn, type SpawnOptions } from 'node:child_process';

/** How a child ended, and what it printed when captured. */
export interface ChildResult {
  /** Exit code; 128 + signal number when killed by a signal. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runChild}. */
export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** `inherit`: stream to our terminal; `capture`: collect; `stderr`: child stdout+stderr streamed to our stderr. @default 'capture' */
  readonly output?: 'inherit' | 'capture' | 'stderr';
  /** Called with each chunk while capturing (to stream and keep at once). */
  readonly onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

const live = new Set<number>();
let handlersInstalled = false;

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGKILL: 9, SIGHUP: 1 };

/** Sends a signal to every live child's process group. */
export function killAllChildren(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const pid of live) {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}

const cleanups = new Set<() => Promise<void> | void>();
let interrupted = false;

/**
 * Registers clean-up to run when Ctrl-C or SIGTERM stops the process (after the children are gone), e.g. stopping
 * an in-process simulator. Returns a function that unregisters it.
 */
export function onInterrupt(fn: () => Promise<void> | void): () => void {
  installSignalHandlers();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Thrown by {@link runChild} once the process was interrupted, so no later step starts. */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${sig}: stopping child processes…\n`);
    killAllChildren('SIGTERM');
    const started = Date.now();
    const finish = async (): Promise<void> => {
      // Terraform needs a moment to release its state lock; after 3 s nothing is waited for.
      if (live.size > 0 && Date.now() - started < 3000) {
        setTimeout(() => void finish(), 100);
        return;
      }
      killAllChildren('SIGKILL');
      for (const fn of cleanups) await Promise.resolve(fn()).catch(() => undefined);
      process.exit(128 + (SIGNALS[sig] ?? 1));
    };
    void finish();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.once('exit', () => killAllChildren('SIGKILL'));
}

/** Runs a command to its end. Never rejects for a non-zero exit; rejects only when it cannot start. */
export function runChild(command: string, args: readonly string[], o: RunOptions): Promise<ChildResult> {
  installSignalHandlers();
  const mode = o.output ?? 'capture';
  const spawnOptions: SpawnOptions = {
    cwd: o.cwd,
    env: o.env,
    detached: true,
    stdio: mode === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
  };
  if (interrupted) return Promise.reject(new InterruptedError());
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], spawnOptions);
    let stdout = '';
    let stderr = '';
    if (child.pid !== undefined) live.add(child.pid);
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      o.onOutput?.(c, 'stdout');
      if (mode === 'stderr') process.stderr.write(c);
    });
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      o.onOutput?.(c, 'stderr');
      if (mode === 'stderr') process.stderr.write(c);
    });
    child.once('error', (err) => {
      if (child.pid !== undefined) live.delete(child.pid);
      reject(new Error(`cannot run ${command}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      if (child.pid !== undefined) {
        // Children of the child (a provider terraform left running) go with it.
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group is already empty.
        }
        live.delete(child.pid);
      }
      resolve({ code: code ?? 128 + (signal ? (SIGNALS[signal] ?? 1) : 1), stdout, stderr });
    });
  });
}
