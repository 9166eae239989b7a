// What other contexts may use of the registry office: the table whose outbox carries its events (notifications
// read it), and the letter categories it classifies letters into (the complaints, access-to-information requests
// and council questions that other contexts will handle).
export { REGISTRY_OFFICE_TABLE_ID } from './adapters/registry-office-keys.ts';
export { CATEGORIES as LETTER_CATEGORIES, type Category as LetterCategory } from './domain/letter.ts';
