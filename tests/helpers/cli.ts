import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
// Without npm's own settings from the test runner, so the command runs as an operator types it.
const operatorEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));

export interface AdminRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The admin CLI with `env` (DATA_DIR, DATABASE_URL …) added to the operator's environment; a failing command answers
 * its exit code. By default as an operator runs it, `npm run admin -- …args`; `tsx: true` starts it straight away.
 */
export async function runAdmin(args: string[], env: Record<string, string>, options: { stdin?: string; tsx?: boolean; timeout?: number } = {}): Promise<AdminRun> {
  const [command, commandArgs] = options.tsx
    ? [path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'server', 'cli', 'admin.ts'), ...args]]
    : ['npm', ['run', 'admin', '--', ...args]];
  const child = run(command, commandArgs, { cwd: ROOT, env: { ...operatorEnv, ...env }, timeout: options.timeout });
  child.child.stdin?.end(options.stdin ?? '');
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as AdminRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
