// GET /v1/civil-status/notes/dead-letters (admin)
import { httpHandler } from '../../shared/http/http-handler.ts';
import { civilStatusRepository } from '../adapters/civil-status.dependencies.ts';
import { deadLetters } from '../application/marginal-notes.use-cases.ts';
import { deadLettersRoute } from '../schemas/civil-status.schema.ts';

export const handler = httpHandler(deadLettersRoute, async ({ query }) => ({ body: await deadLetters(civilStatusRepository, query) }));
