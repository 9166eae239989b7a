// The deadline workflow's task: each lapse recorded as its deadline passes, the reminders whose time has come, the next wake.
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { complaintsDependencies } from '../adapters/complaints.dependencies.ts';
import { checkComplaintDeadlines } from '../application/complaint-deadline.use-cases.ts';

export const handler = taskHandler(async ({ subject }: DeadlineCheckRequest) => checkComplaintDeadlines(complaintsDependencies.repository, subject, now()));
