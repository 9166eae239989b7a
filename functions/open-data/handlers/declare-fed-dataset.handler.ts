// POST /v1/transparency/fed-datasets (agent of the commune): the commune's dataset fed from another context's events
import { httpHandler } from '../../shared/http/http-handler.ts';
import { now } from '../../shared/time/time-source.ts';
import { openDataDependencies } from '../adapters/open-data.dependencies.ts';
import { declareFed } from '../application/fed-datasets.use-cases.ts';
import { declareFedDatasetRoute } from '../schemas/catalogue.schema.ts';

export const handler = httpHandler(declareFedDatasetRoute, async ({ body, principal }) => {
  const { dataset, created } = await declareFed(openDataDependencies.repository, body.feed, body, principal, now());
  return { status: created ? 201 : 200, body: dataset };
});
