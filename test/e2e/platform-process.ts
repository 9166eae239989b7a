// Runs `npm start`'s entry point (bin/local.ts) as a separate process, the way a user does, for the e2e layer.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../lib/local/free-port.ts';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');
const START_PATIENCE_MS = 240_000;

export interface PlatformProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Sends SIGTERM and resolves with the exit code once the process has stopped. */
  stop(): Promise<number | null>;
}

export async function startPlatformProcess(options: { dataDir: string; reset?: boolean }): Promise<PlatformProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts', ...(options.reset ? ['--reset'] : [])], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: options.dataDir, LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await new Promise<void>((ready, fail) => {
    // Generous: the machine's cores may be shared. A platform that has not started is stopped, not left behind.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`the platform did not start within ${START_PATIENCE_MS / 1000} s:\n${output}`));
    }, START_PATIENCE_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Raqmana is running on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`the platform exited with code ${code} before it started:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
