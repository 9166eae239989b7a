// The documents table: requests with their events, issued documents with theirs, and three sparse indexes
// (a person's requests, an office's review queue, the revocation list). Every step of a request is one
// transaction, conditional on the version read, that also writes the register's access-log entries.
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { actReadItem } from '../../civil-status/public-dynamodb.ts';
import { readReferenceSnapshot, referenceKeysFor, type ReferenceRequest, type ReferenceSnapshot } from '../../reference-data/public.ts';
import { loadReferenceSnapshot } from '../../reference-data/public-reader.ts';
import { withoutKeys } from '../../shared/aws/items.ts';
import { pagedIndexQuery, pagedPrefixQuery } from '../../shared/aws/paged-query.ts';
import { transactWrite } from '../../shared/aws/transact-write.ts';
import { ConflictError } from '../../shared/errors/domain-errors.ts';
import type { Page } from '../../shared/http/pagination.ts';
import type { DocumentsRepository, PageRequest, RequestChange, SignedDocumentRegister } from '../application/documents.ports.ts';
import type { DocumentRequest, RequestEvent } from '../domain/document-request.ts';
import type { DocumentEvent, IssuedDocument, RegisteredPaper, SignedDocument } from '../domain/issued-document.ts';
import { DOCUMENTS_INDEXES, DOCUMENTS_INDEX_ATTRIBUTES, documentsKeys } from './documents-keys.ts';

type Item = Record<string, unknown>;

const toRequest = (item: Item) => withoutKeys<DocumentRequest>(item, DOCUMENTS_INDEX_ATTRIBUTES);
const toDocument = (item: Item) => storedDocument(withoutKeys<SignedDocument | LegacyPermitPaper>(item, DOCUMENTS_INDEX_ATTRIBUTES));

/** How permit papers were stored before the register took other contexts' papers. */
type LegacyPermitPaper = Omit<RegisteredPaper, 'issuer' | 'subjectId' | 'holder'> & { readonly permitId: string; readonly applicant: string };

/**
 * A stored document in the register's current shape. Permit papers registered before the register's papers
 * were made neutral hold `permitId` and `applicant` instead of `issuer`, `subjectId` and `holder`: they are
 * read in the new shape here, rather than rewritten by a migration, so that an old receipt or certificate
 * still verifies, downloads and revokes; a revocation writes the item back in the new shape.
 */
export function storedDocument(stored: SignedDocument | LegacyPermitPaper): SignedDocument {
  if (!('permitId' in stored)) return stored;
  const { permitId, applicant, ...paper } = stored;
  return { ...paper, issuer: 'permits', subjectId: permitId, holder: applicant };
}

export class DynamoDbDocumentsRepository implements DocumentsRepository, SignedDocumentRegister {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly table: string,
    /**
     * Tables of other contexts, given only to the functions that use them (each function's environment names
     * just its own tables): the civil-status table, where reads of acts are logged when a request is made or
     * approved, and the reference table, read with a request about to be made.
     */
    private readonly related: { readonly civilStatus?: string; readonly reference?: string } = {},
  ) {}

  private relatedTable(name: 'civilStatus' | 'reference'): string {
    const table = this.related[name];
    if (!table) throw new Error(`This function was not given the ${name} table`);
    return table;
  }

  async requestWithReference(id: string, reference: ReferenceRequest): Promise<{ request?: DocumentRequest; reference: ReferenceSnapshot }> {
    const output = await this.client.send(
      new BatchGetCommand({
        RequestItems: {
          [this.table]: { Keys: [documentsKeys.request(id)], ConsistentRead: true },
          [this.relatedTable('reference')]: { Keys: referenceKeysFor(reference) },
        },
      }),
    );
    // Under throttling DynamoDB may leave keys unprocessed: then each is read on its own.
    if (Object.keys(output.UnprocessedKeys ?? {}).length > 0) {
      const [request, snapshot] = await Promise.all([this.getRequest(id), loadReferenceSnapshot(this.client, this.relatedTable('reference'), reference)]);
      return { ...(request && { request }), reference: snapshot };
    }
    const item = output.Responses?.[this.table]?.[0];
    return { ...(item && { request: toRequest(item) }), reference: readReferenceSnapshot(output.Responses?.[this.relatedTable('reference')] ?? [], reference) };
  }

  async saveRequest(change: RequestChange): Promise<void> {
    const { request, issued } = change;
    const requestItem = {
      ...documentsKeys.request(request.id),
      ...request,
      requesterPk: documentsKeys.requester(request.requester.civilId),
      ...(request.status === 'awaiting-review' && { queuePk: documentsKeys.reviewQueue(request.office) }),
    };
    await transactWrite(
      this.client,
      [
        {
          Put: {
            TableName: this.table,
            Item: requestItem,
            ...(change.expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': change.expectedVersion } }),
          },
        },
        ...change.events.map((event, index) => ({ Put: { TableName: this.table, Item: { ...documentsKeys.requestEvent(request.id, request.version, index), ...event, version: request.version } } })),
        ...change.actReads.map((read) => ({ Put: { TableName: this.relatedTable('civilStatus'), Item: actReadItem(read) } })),
        ...(issued
          ? [
              { Put: { TableName: this.table, Item: { ...documentsKeys.document(issued.document.id), ...issued.document }, ConditionExpression: 'attribute_not_exists(pk)' } },
              { Put: { TableName: this.table, Item: { ...documentsKeys.documentEvent(issued.event.documentId, issued.event.at, issued.event.requestId), ...issued.event } } },
            ]
          : []),
      ],
      (cancellation) =>
        new ConflictError(
          {
            ar: `غيّر شخص آخر الطلب ${request.id} في الأثناء؛ أعد قراءته`,
            fr: `La demande ${request.id} a été modifiée entre-temps ; relisez-la`,
            en: `Request ${request.id} was changed by someone else; read it again`,
          },
          { cause: cancellation },
        ),
    );
  }

  async getRequest(id: string): Promise<DocumentRequest | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: documentsKeys.request(id), ConsistentRead: true }));
    return output.Item ? toRequest(output.Item) : undefined;
  }

  async requestWithHistory(id: string): Promise<{ request: DocumentRequest; history: (RequestEvent & { version: number })[] } | undefined> {
    // The request and its events share one partition: one Query reads both. A request has a handful of events
    // (requested, paid, reviewed, issued), so one page holds them all; `EVENT#…` sorts before `REQUEST`.
    const key = documentsKeys.request(id);
    const output = await this.client.send(new QueryCommand({ TableName: this.table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': key.pk }, ConsistentRead: true }));
    const items = output.Items ?? [];
    const requestItem = items.find((item) => item.sk === key.sk);
    if (!requestItem) return undefined;
    return { request: toRequest(requestItem), history: items.filter((item) => item !== requestItem).map((item) => withoutKeys<RequestEvent & { version: number }>(item)) };
  }


  requestsOf(civilId: string, page: PageRequest): Promise<Page<DocumentRequest>> {
    return pagedIndexQuery(this.client, { table: this.table, index: DOCUMENTS_INDEXES.byRequester, partition: documentsKeys.requester(civilId), page, descending: true }, toRequest);
  }

  reviewQueue(office: string, page: PageRequest, dueBefore?: string): Promise<Page<DocumentRequest>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: DOCUMENTS_INDEXES.byReviewQueue, partition: documentsKeys.reviewQueue(office), page, ...(dueBefore !== undefined && { sortKeyBelow: dueBefore }) },
      toRequest,
    );
  }

  async getDocument(id: string): Promise<SignedDocument | undefined> {
    const output = await this.client.send(new GetCommand({ TableName: this.table, Key: documentsKeys.document(id) }));
    return output.Item ? toDocument(output.Item) : undefined;
  }

  async registerDocument(document: SignedDocument, event: DocumentEvent): Promise<void> {
    await transactWrite(
      this.client,
      [
        { Put: { TableName: this.table, Item: { ...documentsKeys.document(document.id), ...document }, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: this.table, Item: { ...documentsKeys.documentEvent(document.id, event.at, event.requestId), ...event } } },
      ],
      (cancellation) =>
        new ConflictError(
          { ar: `الرقم ${document.id} مسجل من قبل`, fr: `Le numéro ${document.id} est déjà enregistré`, en: `Document number ${document.id} is already registered` },
          { cause: cancellation },
        ),
    );
  }

  async revokeDocument(document: SignedDocument, event: DocumentEvent): Promise<void> {
    await transactWrite(
      this.client,
      [
        {
          Put: {
            TableName: this.table,
            Item: { ...documentsKeys.document(document.id), ...document, revokedPk: documentsKeys.revocations() },
            ConditionExpression: '#status = :valid',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':valid': 'valid' },
          },
        },
        { Put: { TableName: this.table, Item: { ...documentsKeys.documentEvent(document.id, event.at, event.requestId), ...event } } },
      ],
      (cancellation) =>
        new ConflictError(
          { ar: `سُحبت الوثيقة ${document.id} في الأثناء`, fr: `Le document ${document.id} a été retiré entre-temps`, en: `Document ${document.id} was revoked meanwhile` },
          { cause: cancellation },
        ),
    );
  }

  async recordDocumentEvent(event: DocumentEvent): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.table, Item: { ...documentsKeys.documentEvent(event.documentId, event.at, event.requestId), ...event } }));
  }

  documentEvents(id: string, page: PageRequest): Promise<Page<DocumentEvent>> {
    return pagedPrefixQuery(this.client, { table: this.table, ...documentsKeys.documentEvents(id), page }, (item) => withoutKeys<DocumentEvent>(item));
  }


  revocations(page: PageRequest): Promise<Page<Pick<IssuedDocument, 'id' | 'revokedAt'>>> {
    return pagedIndexQuery(
      this.client,
      { table: this.table, index: DOCUMENTS_INDEXES.byRevocation, partition: documentsKeys.revocations(), page, descending: true, attributes: ['id', 'revokedAt'] },
      (item) => ({ id: item.id as string, revokedAt: item.revokedAt as string }),
    );
  }
}
