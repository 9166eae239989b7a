// A word of a normalized name or text, as the Arabic and Latin normalizers (arabic-name-words.ts,
// latin-name-words.ts) give it: civil status searches names by them, the registry office letters' subjects.

/** A word of a normalized name, and whether an article (al-, el-, ال) was taken off its front. */
export interface NameWord {
  readonly text: string;
  readonly article: boolean;
}
