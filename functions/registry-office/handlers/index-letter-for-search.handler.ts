// Consumes letter.registered: lists the letter under its search tokens, out of the transaction that registered it.
import { eventConsumer } from '../../shared/events/event-consumer.ts';
import { registryOfficeDependencies } from '../adapters/registry-office.dependencies.ts';
import { indexLetterForSearch } from '../application/search-letters.use-cases.ts';
import { LETTER_REGISTERED } from '../domain/letter.ts';

export const handler = eventConsumer({ [LETTER_REGISTERED]: (event) => indexLetterForSearch(registryOfficeDependencies.repository, event) });
