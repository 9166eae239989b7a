// Consumes the open-data context's own events, out of the changes that caused them: a dataset approved under
// embargo gets its embargo workflow, and a published dataset has its commune's catalogue written again (a fed one
// its files generated first).
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { fedDatasetsDependencies } from '../adapters/fed-datasets.dependencies.ts';
import { DATASET_EMBARGO_WORKFLOW_ID } from '../adapters/open-data-keys.ts';
import { followEmbargo } from '../application/catalogue.use-cases.ts';
import { followDatasetPublished } from '../application/fed-datasets.use-cases.ts';
import { DATASET_EMBARGOED, DATASET_PUBLISHED } from '../domain/dataset.ts';

const embargoes = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(DATASET_EMBARGO_WORKFLOW_ID), 'dataset');

export const handler = eventConsumer({
  [DATASET_EMBARGOED]: (event) => followEmbargo(embargoes, event),
  // A fed dataset has its files generated first; its catalogue is written after them.
  [DATASET_PUBLISHED]: (event) => followDatasetPublished(fedDatasetsDependencies, event, now()),
});
