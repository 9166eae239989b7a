// The deadline workflow's task: the implicit refusal when the deadline passes in silence, or the next wake.
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { checkRequestDeadline } from '../application/request-deadline.use-cases.ts';

export const handler = taskHandler(async ({ subject }: DeadlineCheckRequest) => checkRequestDeadline(transparencyDependencies.repository, subject, now()));
