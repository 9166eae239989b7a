// The complaint reminder workflow's task: wait until a few working days before the head's answer period ends, then
// remind the president of the commune once.
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { checkComplaintReminder } from '../application/recourse-end.use-cases.ts';

export const handler = taskHandler(async ({ subject }: DeadlineCheckRequest) => checkComplaintReminder(transparencyDependencies.repository, subject, now()));
