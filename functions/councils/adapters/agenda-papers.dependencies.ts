// The agenda papers' use cases wired to the councils table and the agenda-papers bucket (through the shared
// checksummed uploads: the declared SHA-256 signed into the upload URL, the object read back on completion, the
// scanner's tag read before release, short-lived links), for the paper handlers alone: the other handlers have
// neither the bucket in their environment nor the S3 client in their bundle.
import { randomUUID } from 'node:crypto';
import { expiringChecksummedObjects } from '../../shared/aws/checksummed-objects.ts';
import { bucketName } from '../../shared/aws/environment.ts';
import { s3Client } from '../../shared/aws/s3.ts';
import { scannerDeployed } from '../../shared/malware-scan.ts';
import { now } from '../../shared/time/time-source.ts';
import type { PapersDependencies } from '../application/agenda-papers.use-cases.ts';
import { councilsRepository } from './councils.dependencies.ts';
import { AGENDA_PAPERS_BUCKET_ID, agendaPaperKey } from './councils-keys.ts';

const objects = expiringChecksummedObjects(s3Client, bucketName(AGENDA_PAPERS_BUCKET_ID), now);

export const papersDependencies: PapersDependencies = {
  repository: councilsRepository,
  uploads: { objectKey: agendaPaperKey, uploadUrl: objects.uploadUrl, contents: objects.contents, scanTag: objects.scanTag, discard: objects.discard, viewUrl: objects.viewUrl },
  newPaperId: () => randomUUID(),
  scannerDeployed: scannerDeployed(process.env),
};
