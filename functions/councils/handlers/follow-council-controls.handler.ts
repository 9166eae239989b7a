// One consumer for what follows the control periods, out of the changes that caused them: a session or deliberation
// whose period started or moved gets its deadline workflow (the councils' own event), and a holiday change from
// reference data counts the running periods over that year again.
import { SFNClient } from '@aws-sdk/client-sfn';
import { HOLIDAYS_CHANGED, type HolidaysChanged } from '../../reference-data/public.ts';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { logger } from '../../shared/observability/observability.ts';
import { now } from '../../shared/time/time-source.ts';
import { councilsRepository } from '../adapters/councils.dependencies.ts';
import { CONTROL_DEADLINE_WORKFLOW_ID } from '../adapters/councils-keys.ts';
import { followControlWatched, recountControlDeadlines } from '../application/control-deadline.use-cases.ts';
import { CONTROL_EVENTS } from '../domain/control-clocks.ts';

const workflow = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(CONTROL_DEADLINE_WORKFLOW_ID), 'council-control');

export const handler = eventConsumer({
  [CONTROL_EVENTS.watched]: (event) => followControlWatched(workflow, event),
  [HOLIDAYS_CHANGED]: async (event) => {
    const data = event.data as HolidaysChanged;
    const result = await recountControlDeadlines(councilsRepository, data, now());
    logger.info('council control deadlines recounted', { year: data.year, version: data.version, ...result });
  },
});
