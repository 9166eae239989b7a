// The embargo workflow's task: an approved dataset sleeps until its embargo ends, then is published.
import type { DeadlineCheckRequest } from '../../shared/case-clock/domain/deadline-check.ts';
import { taskHandler } from '../../shared/observability/task-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { openDataDependencies } from '../adapters/open-data.dependencies.ts';
import { checkDatasetEmbargo } from '../application/catalogue.use-cases.ts';

export const handler = taskHandler(async ({ subject }: DeadlineCheckRequest) => checkDatasetEmbargo(openDataDependencies.repository, subject, now()));
