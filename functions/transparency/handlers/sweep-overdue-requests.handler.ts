// The nightly sweep's task: repairs every request whose deadline passed without its workflow acting.
import { SweepIncompleteError } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { logger } from '../../shared/observability/observability.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { sweepOverdueRequests } from '../application/request-deadline.use-cases.ts';

export const handler = taskHandler(async () => {
  try {
    const result = await sweepOverdueRequests(transparencyDependencies.repository, now());
    logger.info('overdue information requests swept', { ...result });
    return result;
  } catch (error) {
    // The counts say how far it got; the workflow's retries sweep again (checking a request twice is harmless).
    if (error instanceof SweepIncompleteError) logger.error('overdue information requests sweep incomplete', { failures: error.failures, ...error.result, error: error.cause as Error });
    throw error;
  }
});
