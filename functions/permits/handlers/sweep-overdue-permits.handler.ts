// The nightly sweep's task: repairs every permit whose deadline passed without its workflow acting.
import { SweepIncompleteError } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { logger } from '../../shared/observability/observability.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { sweepOverduePermits } from '../application/check-deadline.use-case.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async () => {
  try {
    const result = await sweepOverduePermits(permitsDependencies, now());
    logger.info('overdue permits swept', { ...result });
    return result;
  } catch (error) {
    // The counts say how far it got; the workflow's retries sweep again (checking a case twice is harmless).
    if (error instanceof SweepIncompleteError) logger.error('overdue permits sweep incomplete', { failures: error.failures, ...error.result, error: error.cause as Error });
    throw error;
  }
});
