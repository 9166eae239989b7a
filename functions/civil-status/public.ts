// What other contexts may use of the civil-status register, as pure values: the act types, the family links
// between acts, and the checks on civil identifiers. Reading acts from DynamoDB is in ./public-dynamodb.ts.
export { CIVIL_STATUS_TABLE_ID } from './adapters/civil-status-keys.ts';
export type { ActRead } from './application/civil-status.ports.ts';
export type { ActPerson, CivilAct, LegacyReference, WrittenName } from './domain/civil-act.ts';
export type { AppliedNote } from './domain/marginal-note.ts';
export { isValidCivilId } from './domain/civil-identifier.ts';
export { checkedCivilId } from './schemas/civil-status.schema.ts';
export { areMarried, parentCivilIds } from './domain/family-links.ts';
