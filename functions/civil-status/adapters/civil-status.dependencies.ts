// The civil-status use cases wired to DynamoDB and to crypto-grade randomness, created once per module.
import { randomInt, randomUUID } from 'node:crypto';
import { dynamodb, tableName } from '../../shared/aws/dynamodb.ts';
import { idFromIdempotencyKey } from '../../shared/http/idempotency-ids.ts';
import type { CivilStatusDependencies } from '../application/civil-status.use-cases.ts';
import { newCivilId } from '../domain/civil-identifier.ts';
import { CIVIL_STATUS_TABLE_ID } from './civil-status-keys.ts';
import { ActClaimTakenError, DynamoDbCivilStatusRepository } from './dynamodb-civil-status.repository.ts';

export const civilStatusRepository = new DynamoDbCivilStatusRepository(dynamodb, tableName(CIVIL_STATUS_TABLE_ID));

export const civilStatusDependencies: CivilStatusDependencies = {
  repository: civilStatusRepository,
  newActId: () => randomUUID(),
  newCivilId: () => newCivilId(() => randomInt(10)),
  newNoteId: () => randomUUID(),
  isCivilIdTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'civil-id',
  isLegacyReferenceTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'legacy-reference',
  isActTaken: (error) => error instanceof ActClaimTakenError && error.taken === 'act',
  actIdFor: idFromIdempotencyKey,
  releaseLegacyClaim: (act) => civilStatusRepository.releaseLegacyClaim(act),
};
