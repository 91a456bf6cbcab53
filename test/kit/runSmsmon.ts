import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from dist-test/test/kit). */
export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = `${REPO}bin/smsmon.js`;

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs the built binary with stable settings: no colour, UTC, a pinned clock. */
export function runSmsmon(
  args: readonly string[],
  options: {
    stdin?: string;
    env?: NodeJS.ProcessEnv;
    cwd?: string;
    uid?: number;
    gid?: number;
    /** Options for node itself, before the script (e.g. --import a fault hook). */
    nodeArgs?: readonly string[];
  } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd ?? REPO,
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
      // FORCE_COLOR unset: node --test may set it for its children, and it would win over NO_COLOR.
      env: {
        ...process.env,
        FORCE_COLOR: undefined,
        NO_COLOR: '1',
        TZ: 'UTC',
        SMSMON_NOW: '2024-01-20T12:30:00Z',
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** The environment for a command run in a pseudo-terminal by `script`, which starts it with $SHELL. */
export function terminalEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SHELL: '/bin/bash',
    TERM: 'xterm-256color',
    TZ: 'UTC',
    // No spinners unless a test asks for them (CI: ''): one appears only once a wait lasts 300 ms,
    // which a loaded machine decides, so the same command would print differently from run to run.
    CI: 'true',
    ...extra,
  };
}
