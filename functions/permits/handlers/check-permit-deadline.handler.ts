// The deadline workflow's task: where does this permit's clock stand now (recording a lapse when it has come)? A
// procedure approved by law at its deadline gets its certificate from the lapse's event (FollowPermitEvents).
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { now } from '../../shared/time/time-source.ts';
import { permitsDependencies } from '../adapters/permits.dependencies.ts';
import { checkPermitDeadline } from '../application/check-deadline.use-case.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';

export const handler = taskHandler(async ({ subject: permitId }: DeadlineCheckRequest) => checkPermitDeadline(permitsDependencies, permitId, now()));
