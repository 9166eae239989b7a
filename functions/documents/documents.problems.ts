// The problem types only the documents window raises, attached to its description (documents.service.ts); the
// platform-wide ones are in functions/shared/errors/problem-types.ts.
import { declareProblems } from '../shared/errors/problem-types.ts';

export const DOCUMENT_PROBLEMS = declareProblems({
  'document-revoked': {
    status: 410,
    title: { ar: 'سُحبت هذه الوثيقة ولم تعد تُسلَّم', fr: "Ce document a été retiré et n'est plus délivré", en: 'This document was revoked and is no longer handed out' },
  },
});
