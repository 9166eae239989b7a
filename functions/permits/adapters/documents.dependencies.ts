// The permits dependencies with the documents bucket, for the document handlers.
import type { PermitsWithDocuments } from '../application/change-permit.use-cases.ts';
import { documentsBucket } from './documents-bucket.ts';
import { permitsDependencies } from './permits.dependencies.ts';

export const permitsWithDocuments: PermitsWithDocuments = { ...permitsDependencies, documents: documentsBucket };
