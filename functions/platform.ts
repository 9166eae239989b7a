// Every service of the platform, in one list: the CDK stack and the local platform are built from it.
import { apiDocsService } from './api-docs/api-docs.service.ts';
import { civilStatusService } from './civil-status/civil-status.service.ts';
import { complaintsService } from './complaints/complaints.service.ts';
import { councilsService } from './councils/councils.service.ts';
import { documentsService } from './documents/documents.service.ts';
import { notificationsService } from './notifications/notifications.service.ts';
import { openDataService } from './open-data/open-data.service.ts';
import { permitsService } from './permits/permits.service.ts';
import { referenceDataService } from './reference-data/reference-data.service.ts';
import { registryOfficeService } from './registry-office/registry-office.service.ts';
import { transparencyService } from './transparency/transparency.service.ts';
import { IDEMPOTENCY_TABLE, type PlatformDescription } from './shared/service-description.ts';

export const platform: PlatformDescription = {
  sharedTables: [IDEMPOTENCY_TABLE],
  services: [referenceDataService, permitsService, civilStatusService, documentsService, notificationsService, registryOfficeService, complaintsService, transparencyService, openDataService, councilsService, apiDocsService],
};
