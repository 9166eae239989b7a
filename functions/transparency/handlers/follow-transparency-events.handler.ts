// Consumes the transparency context's own events, as one reader of its table's stream (notifications is the other):
// a request whose clock started or moved gets its deadline workflow, a dataset approved under embargo its embargo
// workflow, and a published dataset has its commune's catalogue written again.
import { SFNClient } from '@aws-sdk/client-sfn';
import { bucketName, stateMachineArn } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { StepFunctionsDeadlineWorkflow } from '../../shared/case-clock/adapters/step-functions-deadline-workflow.ts';
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { now } from '../../shared/time/time-source.ts';
import { S3CatalogueStore } from '../adapters/s3-catalogue-store.ts';
import { transparencyDependencies } from '../adapters/transparency.dependencies.ts';
import { CATALOGUES_BUCKET_ID, DATASET_EMBARGO_WORKFLOW_ID, REQUEST_DEADLINE_WORKFLOW_ID } from '../adapters/transparency-keys.ts';
import { followEmbargo, writeCatalogue } from '../application/catalogue.use-cases.ts';
import { followDeadlineWatched } from '../application/request-deadline.use-cases.ts';
import { DATASET_EMBARGOED, DATASET_PUBLISHED } from '../domain/dataset.ts';
import { REQUEST_EVENTS } from '../domain/request-clock.ts';

const workflow = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(REQUEST_DEADLINE_WORKFLOW_ID), 'information-request');
const embargoes = new StepFunctionsDeadlineWorkflow(new SFNClient({}), stateMachineArn(DATASET_EMBARGO_WORKFLOW_ID), 'dataset');
const catalogues = new S3CatalogueStore(s3Client, bucketName(CATALOGUES_BUCKET_ID));

export const handler = eventConsumer({
  [REQUEST_EVENTS.deadlineWatched]: (event) => followDeadlineWatched(workflow, event),
  [DATASET_EMBARGOED]: (event) => followEmbargo(embargoes, event),
  [DATASET_PUBLISHED]: (event) => writeCatalogue(transparencyDependencies.repository, catalogues, (event.data as { commune: string }).commune, now()),
});
