// What other contexts may use of the registry office: the table whose outbox carries its events (notifications
// read it), the letter categories, and the event that hands a complaint, an access-to-information request or a
// council question over to the context that handles it, with the receipt instant its legal clock starts from.
export { REGISTRY_OFFICE_TABLE_ID } from './adapters/registry-office-keys.ts';
export {
  CATEGORIES as LETTER_CATEGORIES,
  INHERITING_CATEGORIES,
  LETTER_CLASSIFIED,
  type Category as LetterCategory,
  type LetterClassified,
} from './domain/letter.ts';
