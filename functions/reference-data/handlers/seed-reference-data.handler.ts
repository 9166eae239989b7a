// Loads the demo reference data once per platform: a CloudFormation custom resource in AWS, run on every
// start by the local platform. Seeding is idempotent, so updates and restarts never duplicate anything.
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { logger } from '../../shared/observability/observability.ts';
import { referenceDataRepository } from '../adapters/reference-data.dependencies.ts';
import { DEMO_COMMUNES, DEMO_PROCEDURES, FIXED_HOLIDAY_RULES } from '../data/demo-reference-data.ts';

const PHYSICAL_RESOURCE_ID = 'raqmana-reference-data-seed';

export async function handler(event: Pick<CloudFormationCustomResourceEvent, 'RequestType'>) {
  if (event.RequestType !== 'Delete') {
    const seeded = await referenceDataRepository.seedOnce({
      communes: DEMO_COMMUNES,
      procedures: DEMO_PROCEDURES,
      fixedHolidayRules: FIXED_HOLIDAY_RULES,
    });
    logger.info('reference data seed', { seeded });
  }
  return { PhysicalResourceId: PHYSICAL_RESOURCE_ID };
}
