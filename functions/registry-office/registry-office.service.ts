// The registry office (bureau d'ordre): every official letter of a collectivity numbered in its register,
// lodged online by citizens or registered by clerks, followed by its sender with a secret code.
import { REFERENCE_TABLE_ID } from '../reference-data/public.ts';
import type { FunctionDescription, ServiceDescription } from '../shared/service-description.ts';
import { REGISTRY_OFFICE_TABLE, REGISTRY_OFFICE_TABLE_ID } from './adapters/registry-office-keys.ts';
import { REGISTRY_OFFICE_PROBLEMS } from './registry-office.problems.ts';
import {
  cancelLetterRoute,
  getLetterRoute,
  getSettingsRoute,
  letterHistoryRoute,
  lodgeLetterRoute,
  lookUpLetterRoute,
  putSettingsRoute,
  readRegisterRoute,
  registerLetterRoute,
} from './schemas/registry-office.schema.ts';

const handlers = 'functions/registry-office/handlers';
const reads = { [REGISTRY_OFFICE_TABLE_ID]: 'read' } as const;
/** Numbering and settings read the commune from reference data; nothing here deletes an item. */
const writes = { [REGISTRY_OFFICE_TABLE_ID]: 'append', [REFERENCE_TABLE_ID]: 'read' } as const;

function fn(id: string, file: string, extra: Omit<FunctionDescription, 'id' | 'entry'>): FunctionDescription {
  return { id, entry: `${handlers}/${file}.handler.ts`, ...extra };
}

export const registryOfficeService: ServiceDescription = {
  name: 'registry-office',
  problems: REGISTRY_OFFICE_PROBLEMS,
  tables: [REGISTRY_OFFICE_TABLE],
  functions: [
    fn('LodgeLetter', 'lodge-letter', { route: lodgeLetterRoute, tables: writes }),
    fn('RegisterLetter', 'register-letter', { route: registerLetterRoute, tables: writes }),
    fn('GetLetter', 'get-letter', { route: getLetterRoute, tables: reads }),
    fn('LetterHistory', 'letter-history', { route: letterHistoryRoute, tables: reads }),
    fn('CancelLetter', 'cancel-letter', { route: cancelLetterRoute, tables: { [REGISTRY_OFFICE_TABLE_ID]: 'append' } }),
    fn('ReadRegister', 'read-register', { route: readRegisterRoute, tables: reads }),
    fn('LookUpLetter', 'look-up-letter', { route: lookUpLetterRoute, tables: reads }),
    fn('GetRegistrySettings', 'get-settings', { route: getSettingsRoute, tables: { ...reads, [REFERENCE_TABLE_ID]: 'read' } }),
    fn('SetRegistrySettings', 'put-settings', { route: putSettingsRoute, tables: writes }),
  ],
};
