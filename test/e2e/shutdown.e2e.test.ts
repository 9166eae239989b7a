// `npm start` stops as a whole, Java included, whichever of its processes a process manager sends SIGTERM to.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../lib/local/free-port.ts';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');
const dataDirs: string[] = [];

interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly command: string;
}

/** Every process of the machine, from /proc (the layer runs on Linux, as the platform's CI does). */
function processes(): ProcessInfo[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name sits in parentheses and may hold spaces; the parent id is the second field after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      return [{ pid: Number(entry), ppid, command }];
    } catch {
      return []; // it exited while being read
    }
  });
}

function descendantsOf(root: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  const parents = [root];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const child of all.filter((info) => info.ppid === parent)) {
      found.push(child);
      parents.push(child.pid);
    }
  }
  return found;
}

const stillRunning = (pids: readonly number[]) => {
  const running = new Set(processes().map((info) => info.pid));
  return pids.filter((pid) => running.has(pid));
};

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * A port the system called free can be taken by another process before the platform listens on it (the e2e layer
 * starts platforms side by side): that start is refused with EADDRINUSE, and is tried again on other ports.
 */
async function startNpm(attempts = 3): Promise<{ npmPid: number; port: number; exited: Promise<unknown> }> {
  try {
    return await startNpmOnce();
  } catch (error) {
    if (attempts > 1 && error instanceof Error && error.message.includes('EADDRINUSE')) return startNpm(attempts - 1);
    throw error;
  }
}

async function startNpmOnce(): Promise<{ npmPid: number; port: number; exited: Promise<unknown> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'raqmana-shutdown-'));
  dataDirs.push(dataDir);
  const npm = spawn('npm', ['start'], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => npm.once('exit', done));
  let output = '';
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Raqmana is running on')) ready();
    };
    npm.stdout!.on('data', onData);
    npm.stderr!.on('data', onData);
    void exited.then(() => fail(new Error(`npm start exited before the platform started:\n${output}`)));
  });
  return { npmPid: npm.pid!, port, exited };
}

/** Waits (without asserting how long) until none of `pids` runs any more, or gives up after `patienceMs`. */
async function settle(pids: readonly number[], patienceMs: number): Promise<readonly number[]> {
  const until = Date.now() + patienceMs;
  while (stillRunning(pids).length > 0 && Date.now() < until) await new Promise((wake) => setTimeout(wake, 250));
  return stillRunning(pids);
}

describe('stopping npm start', () => {
  afterAll(() => {
    for (const dataDir of dataDirs) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['npm', (_: readonly ProcessInfo[], npmPid: number) => npmPid],
    ['node running bin/local.ts', (tree: readonly ProcessInfo[]) => tree.find((info) => /^\S*node .*bin\/local\.ts/.test(info.command))!.pid],
  ])('SIGTERM to %s leaves no process behind and closes the port', async (_, target) => {
    const { npmPid, port, exited } = await startNpm();
    const tree = descendantsOf(npmPid);
    expect(tree.some((info) => /\bjava\b/.test(info.command)), 'DynamoDB Local runs under npm start').toBe(true);
    expect(await portAnswers(port)).toBe(true);

    process.kill(target(tree, npmPid), 'SIGTERM');
    const left = await settle([npmPid, ...tree.map((info) => info.pid)], 60_000);

    expect(left.map((pid) => tree.find((info) => info.pid === pid)?.command ?? `npm (${pid})`)).toEqual([]);
    expect(await portAnswers(port)).toBe(false);
    await exited;
  }, 300_000);
});
