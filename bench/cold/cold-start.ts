// One cold start: a fresh Node process (the Node the npm scripts use, with the functions' environment) that
// imports a bundle and handles one event, reporting when each was done since the process began.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULT_MARKER = '@@cold-start@@';

// Kept as plain JavaScript so the child loads nothing the bundle would not: no TypeScript loader, no test code.
const CHILD = `
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [bundle, eventFile, functionName] = process.argv.slice(1);
const event = JSON.parse(readFileSync(eventFile, 'utf8'));
const { handler } = await import(pathToFileURL(bundle).href);
const loaded = performance.now();
const context = {
  callbackWaitsForEmptyEventLoop: false, functionName, functionVersion: '$LATEST', memoryLimitInMB: '512',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:' + functionName, awsRequestId: 'cold-start',
  logGroupName: '/aws/lambda/' + functionName, logStreamName: 'cold', getRemainingTimeInMillis: () => 10000,
};
let outcome;
try {
  const result = await handler(event, context);
  outcome = result && typeof result === 'object' && 'statusCode' in result ? String(result.statusCode) : 'ok';
} catch (error) {
  outcome = 'threw ' + error.name;
}
const handled = performance.now();
const { user, system } = process.cpuUsage();
process.stdout.write('\\n${RESULT_MARKER}' + JSON.stringify({ loaded, handled, cpu: (user + system) / 1000, outcome }) + '\\n');
process.exit(0);
`;

export interface ColdStart {
  /** Milliseconds from the start of the process to the bundle loaded (Node's own start included). */
  readonly loadedMs: number;
  /** ... to the first event handled: the cold start as a caller sees it. */
  readonly handledMs: number;
  /**
   * CPU time (user and system) the process spent by then: what the function's code costs, much less moved by
   * the machine's other load than the elapsed time, which also waits on the emulators and the scheduler.
   */
  readonly cpuMs: number;
  /** The HTTP status, `ok`, or `threw <Error>`. */
  readonly outcome: string;
}

export async function coldStart(options: {
  readonly bundle: string;
  readonly event: unknown;
  readonly functionName: string;
  readonly environment: NodeJS.ProcessEnv;
  readonly workDir: string;
}): Promise<ColdStart> {
  mkdirSync(options.workDir, { recursive: true });
  const eventFile = join(options.workDir, `${options.functionName}.event.json`);
  writeFileSync(eventFile, JSON.stringify(options.event));
  const child = spawn(process.execPath, ['--input-type=module', '--eval', CHILD, options.bundle, eventFile, options.functionName], {
    env: options.environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_MARKER));
  if (!line) throw new Error(`${options.functionName}: the cold process exited with ${code} without a result\n${stderr.slice(-2000)}`);
  const { loaded, handled, cpu, outcome } = JSON.parse(line.slice(RESULT_MARKER.length)) as { loaded: number; handled: number; cpu: number; outcome: string };
  return { loadedMs: loaded, handledMs: handled, cpuMs: cpu, outcome };
}
