// The control deadlines' workflow task: records what a passed period leaves (a late transmission, an enforceable
// deliberation), or says when to look again.
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { checkControlDeadline } from '../application/control-deadline.use-cases.ts';

export const handler = taskHandler(async ({ subject }: DeadlineCheckRequest) => checkControlDeadline(councilsRepository, subject, now()));
