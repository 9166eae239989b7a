// Where a letter's attachments and the log of their reads are kept: the attachments bucket (scanned for malware in
// AWS) and, in the registry-office table, one item per read beside the letter.
import type { BucketDescription } from '../../shared/service-description.ts';

export const LETTER_ATTACHMENTS_BUCKET_ID = 'letter-attachments';

export const LETTER_ATTACHMENTS_BUCKET: BucketDescription = { id: LETTER_ATTACHMENTS_BUCKET_ID, malwareScan: true, browserTransfers: true };

export const attachmentKeys = {
  object: (letterId: string, attachmentId: string) => `letters/${letterId}/${attachmentId}`,
  /** A read of an attachment, in the letter's partition: `ATTACHMENT-READ#<instant>#<attachment id>#<reader>`. */
  read: (letterId: string, attachmentId: string, at: string, readerSub: string) => ({ pk: `LETTER#${letterId}`, sk: `ATTACHMENT-READ#${at}#${attachmentId}#${readerSub}` }),
  /** Every read of a letter's attachments, by instant. */
  reads: (letterId: string) => ({ pk: `LETTER#${letterId}`, skPrefix: 'ATTACHMENT-READ#' }),
} as const;
