// The nightly sweep's task: repairs every session or deliberation whose control period passed without its workflow acting.
import { SweepIncompleteError } from '../../shared/case-clock/application/sweep-overdue-cases.use-case.ts';
import { logger } from '../../shared/observability/observability.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { sweepOverdueControls } from '../application/control-deadline.use-cases.ts';

export const handler = taskHandler(async () => {
  try {
    const result = await sweepOverdueControls(councilsRepository, now());
    logger.info('overdue council control deadlines swept', { ...result });
    return result;
  } catch (error) {
    // The counts say how far it got; the workflow's retries sweep again (checking a case twice is harmless).
    if (error instanceof SweepIncompleteError) logger.error('overdue council control deadlines sweep incomplete', { failures: error.failures, ...error.result, error: error.cause as Error });
    throw error;
  }
});
