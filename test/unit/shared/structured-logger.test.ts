// Our log lines and EMF metric lines: what CloudWatch Logs Insights queries and the metric filters read.
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StructuredLogger } from '../../../functions/shared/observability/observability.ts';
import { countOne } from '../../../functions/shared/observability/metrics.ts';

const context = (awsRequestId: string) =>
  ({ functionName: 'GetPermit', memoryLimitInMB: '256', invokedFunctionArn: 'arn:aws:lambda:eu-west-3:1:function:GetPermit', awsRequestId }) as Context;

function capture(level = 'INFO') {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: new StructuredLogger('permits', level, (line) => void lines.push(JSON.parse(line) as Record<string, unknown>)) };
}

describe('StructuredLogger', () => {
  it('writes one JSON object per line with the invocation context, cold_start only on a function’s first invocation', async () => {
    const { lines, logger } = capture();
    await logger.withInvocation(context('r-1'), async () => logger.info('request handled', { status: 200 }));
    await logger.withInvocation(context('r-2'), async () => logger.info('request handled', { status: 201 }));
    await logger.withInvocation({ ...context('r-3'), functionName: 'ListPermits' }, async () => logger.info('request handled', { status: 200 }));

    expect(lines).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'request handled', service: 'permits', cold_start: true, function_request_id: 'r-1', function_name: 'GetPermit', status: 200 }),
      expect.objectContaining({ cold_start: false, function_request_id: 'r-2', status: 201 }),
      expect.objectContaining({ cold_start: true, function_request_id: 'r-3', function_name: 'ListPermits' }),
    ]);
    expect(new Date(lines[0]!.timestamp as string).toISOString()).toBe(lines[0]!.timestamp);
  });

  it('keeps the keys an invocation appended to its own lines, after it ends and outside any', async () => {
    const { lines, logger } = capture();
    await logger.withInvocation(context('r-1'), async () => {
      logger.appendKeys({ correlation_id: 'c-1', route: 'GET /v1/permits/{id}' });
      logger.info('inside');
    });
    logger.info('between');
    logger.appendKeys({ correlation_id: 'left-over' });
    await logger.withInvocation(context('r-2'), async () => logger.info('next'));

    expect(lines[0]).toMatchObject({ correlation_id: 'c-1', route: 'GET /v1/permits/{id}' });
    expect(lines[1]).not.toHaveProperty('correlation_id');
    expect(lines[1]).not.toHaveProperty('function_request_id');
    expect(lines[2]).not.toHaveProperty('correlation_id');
  });

  it('gives each of two invocations running at once its own keys, whichever started last', async () => {
    const { lines, logger } = capture();
    let releaseFirst: () => void = () => undefined;
    const firstMayGoOn = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = logger.withInvocation(context('r-1'), async () => {
      logger.appendKeys({ correlation_id: 'c-1', route: 'GET /v1/permits/{id}' });
      await firstMayGoOn;
      logger.info('first, after the second started');
    });
    const second = logger.withInvocation({ ...context('r-2'), functionName: 'SweepOverduePermits' }, async () => {
      logger.info('second, while the first waits');
      releaseFirst();
    });
    await Promise.all([first, second]);

    expect(lines).toEqual([
      expect.objectContaining({ message: 'second, while the first waits', function_request_id: 'r-2', function_name: 'SweepOverduePermits' }),
      expect.objectContaining({ message: 'first, after the second started', function_request_id: 'r-1', correlation_id: 'c-1', route: 'GET /v1/permits/{id}' }),
    ]);
    expect(lines[0]).not.toHaveProperty('correlation_id');
  });

  it('writes only lines at or above its level, and none when SILENT', () => {
    const { lines, logger } = capture('warn');
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    logger.setLogLevel('SILENT');
    logger.error('silenced');
    expect(lines.map((line) => line.level)).toEqual(['WARN', 'ERROR']);
  });

  it('writes an error as its name, message, stack and cause, and nothing else it carries', () => {
    const { lines, logger } = capture();
    const error = Object.assign(new Error('conditional check failed', { cause: new TypeError('inner') }), { Item: { name: 'Fatima' } });
    logger.error('unhandled error', { error });
    const logged = lines[0]!.error as Record<string, unknown>;
    expect(logged).toMatchObject({ name: 'Error', message: 'conditional check failed', cause: { name: 'TypeError', message: 'inner' } });
    expect(logged.stack).toContain('conditional check failed');
    expect(JSON.stringify(lines[0])).not.toContain('Fatima');
  });
});

describe('countOne', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes an embedded-metric-format line CloudWatch reads as one count in the service dimension', () => {
    vi.stubEnv('METRICS_DISABLED', 'false');
    vi.stubEnv('SERVICE_NAME', 'civil-status');
    const lines: string[] = [];
    countOne('ServerErrors', (line) => void lines.push(line));
    const emf = JSON.parse(lines[0]!) as { _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } } & Record<string, unknown>;
    // The specification's rules: a Timestamp in epoch milliseconds, each dimension and metric named at the root.
    expect(Number.isInteger(emf._aws.Timestamp)).toBe(true);
    expect(emf._aws.CloudWatchMetrics).toEqual([{ Namespace: 'Raqmana', Dimensions: [['service']], Metrics: [{ Name: 'ServerErrors', Unit: 'Count' }] }]);
    expect(emf.service).toBe('civil-status');
    expect(emf.ServerErrors).toBe(1);
  });

  it('writes nothing where metrics are off (the local platform, the tests)', () => {
    vi.stubEnv('METRICS_DISABLED', 'true');
    const lines: string[] = [];
    countOne('ServerErrors', (line) => void lines.push(line));
    expect(lines).toEqual([]);
  });
});
