// The deadline workflow's task: the reminders whose time has come, the lapse when the deadline passes, the next wake.
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { checkLetterDeadline } from '../application/letter-deadline.use-cases.ts';

export const handler = taskHandler(async ({ subject }: DeadlineCheckRequest) => checkLetterDeadline(registryOfficeDependencies.repository, subject, now()));
