// The nightly sweep's task: records every lapse a complaint's workflow missed.
import { SweepIncompleteError } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { logger } from '../../shared/observability/observability.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { sweepOverdueComplaints } from '../application/complaint-deadline.use-cases.ts';

export const handler = taskHandler(async () => {
  try {
    const result = await sweepOverdueComplaints(complaintsDependencies.repository, now());
    logger.info('overdue complaints swept', { ...result });
    return result;
  } catch (error) {
    // The counts say how far it got; the workflow's retries sweep again (checking a complaint twice is harmless).
    if (error instanceof SweepIncompleteError) logger.error('overdue complaints sweep incomplete', { failures: error.failures, ...error.result, error: error.cause as Error });
    throw error;
  }
});
