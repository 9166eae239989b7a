// The marginal-note use cases wired to DynamoDB and the delivery workflow, for the handlers that send notes.
import { randomUUID } from 'node:crypto';
import { SFNClient } from '@aws-sdk/client-sfn';
import { stateMachineArn } from '../../shared/aws/environment.ts';
import type { NotesDependencies } from '../application/marginal-notes.use-cases.ts';
import { MARGINAL_NOTE_WORKFLOW_ID } from './civil-status-keys.ts';
import { civilStatusRepository } from './civil-status.dependencies.ts';
import { StepFunctionsNoteDelivery } from './step-functions-note-delivery.ts';

export const notesDependencies: NotesDependencies = {
  repository: civilStatusRepository,
  delivery: new StepFunctionsNoteDelivery(new SFNClient({}), stateMachineArn(MARGINAL_NOTE_WORKFLOW_ID)),
  newNoteId: () => randomUUID(),
};
