import { spawn } from 'node:child_process';
import { BIN, REPO, terminalEnv } from './runSmsmon.js';

export interface TerminalRun {
  /** What the terminal showed, stdout and stderr together, lines ending in \n. */
  out: string;
  code: number;
}

/**
 * smsmon with `args` (shell words) in a pseudo-terminal of `columns` × 40 made by `script`, as a
 * user at a terminal of that size runs it.
 */
export function runInTerminal(
  args: string,
  { columns, cwd = REPO, env = {} }: { columns: number; cwd?: string; env?: Record<string, string> },
): Promise<TerminalRun> {
  const run = `stty cols ${columns} rows 40; ${process.execPath} ${BIN} ${args}; echo "exit=$?"`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', run, '/dev/null'], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: terminalEnv(env),
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error('script not found: apt-get install -y bsdutils') : error),
    );
    child.on('close', () => {
      const text = out.replace(/\r+\n/g, '\n');
      const code = /exit=(\d+)\n?$/.exec(text);
      if (!code) return reject(new Error(`no exit code in: ${text}`));
      resolve({ out: text.slice(0, code.index), code: Number(code[1]) });
    });
  });
}
