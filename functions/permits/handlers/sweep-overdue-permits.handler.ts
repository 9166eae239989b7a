// The daily sweep's task: repairs every permit whose deadline passed without its workflow acting.
import { logger } from '../../shared/observability/observability.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { sweepOverduePermits } from '../application/check-deadline.use-case.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async () => {
  const result = await sweepOverduePermits(permitsDependencies, now());
  logger.info('overdue permits swept', result);
  return result;
});
