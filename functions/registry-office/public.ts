// What other contexts may use of the registry office: the letter categories it classifies letters into (the
// complaints, access-to-information requests and council questions that other contexts will handle).
export { CATEGORIES as LETTER_CATEGORIES, type Category as LetterCategory } from './domain/letter.ts';
