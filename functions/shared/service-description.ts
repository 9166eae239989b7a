// The one description of each service: what it deploys (tables, buckets, workflows, functions and routes).
// The CDK stack and the local platform both read it, so the two can never disagree.
import type { ProblemTypes } from './errors/problem-types.ts';
import type { AnyRouteContract } from './http/route-contract.ts';

/**
 * How a function may use a table or bucket. `append` writes new items and updates existing ones but never
 * deletes (no DeleteItem, no BatchWriteItem): what a context needs to record facts in another context's table.
 */
export type Access = 'read' | 'write' | 'append';

export interface GlobalIndexDescription {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  /**
   * What the index copies of each item: all of it (the default), its keys only, or its keys and the attributes
   * listed. Every projected byte is written again on each change that touches it.
   */
  readonly projection?: 'all' | 'keys-only' | { readonly include: readonly string[] };
}

export interface TableDescription {
  /** Logical id, unique across the platform (`reference`, `permits`, ...). */
  readonly id: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly globalIndexes?: readonly GlobalIndexDescription[];
  /** Attribute holding an epoch-seconds expiry, when items expire. */
  readonly timeToLiveAttribute?: string;
  /**
   * The table holds an outbox: domain events written in the same transaction as the change that emits them
   * (`functions/shared/events`). Its stream (new images) carries them to the functions that `consume` them.
   * The table must declare a `timeToLiveAttribute`: delivered events expire.
   */
  readonly outbox?: boolean;
}

/**
 * Domain events a function handles, from a table's outbox: only events whose type is listed reach it. The table's
 * stream has one reader, the router the platform gives it, which publishes each event to the table's SNS FIFO
 * topic; the function's own SQS FIFO queue is subscribed to that topic with a filter policy on these types (the
 * local platform reads the stream once and hands the same messages over in process). Delivery is at least once,
 * in order per item: consumers are idempotent.
 */
export interface EventSubscription {
  /** A table declared with `outbox: true`, of this or another context. */
  readonly tableId: string;
  readonly eventTypes: readonly string[];
  /** Messages per invocation: 1 to 10 (a FIFO queue's limit), 10 when not said; a function's queue takes the smallest of its subscriptions'. */
  readonly batchSize?: number;
}

export interface BucketDescription {
  /** Logical id, unique across the platform. */
  readonly id: string;
  /**
   * Objects are evidence: S3 Object Lock in compliance mode keeps every version for this many years, and no
   * one, the account's root included, can delete or overwrite it before then.
   */
  readonly writeOnceYears?: number;
  /**
   * Objects come from outside and are scanned for malware: in AWS, GuardDuty Malware Protection for S3 with its
   * tagging action (each scanned object tagged `GuardDutyMalwareScanStatus`, `functions/shared/malware-scan.ts`),
   * and functions that read the bucket may read objects' tags; locally no scanner, every new object is tagged
   * `NOT_SCANNED_LOCALLY`.
   */
  readonly malwareScan?: boolean;
  /**
   * Browsers send files straight into it with the presigned URLs its functions hand out, and fetch them back with
   * presigned links: the bucket answers CORS preflights (`functions/shared/aws/browser-transfers.ts`).
   */
  readonly browserTransfers?: boolean;
}

export type WorkflowSubstitutionDescription =
  | { readonly functionId: string }
  | { readonly tableId: string }
  | { readonly bucketId: string; readonly readsPrefix: string };

export interface StateMachineDescription {
  /** Logical id, unique across the platform. */
  readonly id: string;
  /** Path of the ASL file, relative to the repository root (`statemachines/<name>.asl.json`). */
  readonly definitionFile: string;
  /**
   * `${Placeholder}` values of the ASL file: the ARN of a function, the name of a table, or the name of a bucket
   * whose objects under `readsPrefix` the workflow reads (a Distributed Map's ItemReader).
   */
  readonly substitutions?: Readonly<Record<string, WorkflowSubstitutionDescription>>;
  /** Run on a schedule (EventBridge Scheduler in AWS): a `rate(...)` or `cron(...)` expression. */
  readonly schedule?: { readonly expression: string; readonly input?: Readonly<Record<string, unknown>> };
}

/**
 * An asymmetric signing key (ES256, NIST P-256): an AWS KMS key whose private half never leaves KMS, a key
 * file made on first start on the local platform.
 */
export interface SigningKeyDescription {
  /** Logical id, unique across the platform. */
  readonly id: string;
  /** What it signs, shown on the KMS key. */
  readonly description: string;
}

/** Files of an npm package that a function reads at run time (fonts, ...), shipped beside its bundle. */
export interface PackageFiles {
  readonly package: string;
  /** Paths inside the package; `package.json` is always needed for the package to resolve. */
  readonly files: readonly string[];
}

export interface FunctionDescription {
  /** Logical id, unique across the platform (PascalCase: `ListCommunes`). */
  readonly id: string;
  /** Module exporting `handler`, relative to the repository root. */
  readonly entry: string;
  /** The HTTP route this function serves, if it serves one. */
  readonly route?: AnyRouteContract;
  readonly tables?: Readonly<Record<string, Access>>;
  readonly buckets?: Readonly<Record<string, Access>>;
  /**
   * Run once per deployment (a CloudFormation custom resource in AWS, every start of the local platform),
   * e.g. to load reference data. The function must be idempotent.
   */
  readonly runsOnDeploy?: boolean;
  /** Signing keys this function signs with (`sign`) or only reads the public key of (`verify`). */
  readonly signingKeys?: Readonly<Record<string, 'sign' | 'verify'>>;
  /** State machines this function may start. */
  readonly startsStateMachines?: readonly string[];
  /**
   * The function sends e-mail through Amazon SES v2 from the platform's sender address: it is given that address
   * in `EMAIL_FROM_ENV` and `ses:SendEmail` on the sender's identity only. A deployment without a sender address
   * gives it neither, and the function must then answer without sending.
   */
  readonly sendsEmail?: boolean;
  /** Domain events this function consumes; it answers with the records it failed (partial batch response). */
  readonly consumes?: readonly EventSubscription[];
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** Package files read at run time, copied into `node_modules/` next to the bundle. */
  readonly packageFiles?: readonly PackageFiles[];
  /**
   * Files made from the whole platform's description when the function is bundled (what its cold start would
   * otherwise compute), by name; the function reads them with `readGeneratedFile` (functions/shared/generated-files.ts).
   */
  readonly generatedFiles?: (platform: PlatformDescription) => Readonly<Record<string, Uint8Array>>;
}

/** A business metric the service's functions emit (namespace Raqmana, dimension `service`), alarmed when above 0. */
export interface MetricAlarmDescription {
  readonly metricName: string;
  /** What operators are told when it fires. */
  readonly description: string;
}

export interface ServiceDescription {
  /** Bounded-context name, the folder under `functions/`. */
  readonly name: string;
  readonly alarms?: readonly MetricAlarmDescription[];
  readonly tables?: readonly TableDescription[];
  readonly buckets?: readonly BucketDescription[];
  readonly stateMachines?: readonly StateMachineDescription[];
  readonly signingKeys?: readonly SigningKeyDescription[];
  readonly functions: readonly FunctionDescription[];
  /**
   * The problem types only this service raises (`<context>.problems.ts`), beside the platform-wide ones: the
   * OpenAPI document lists their codes. A code is declared once across the platform.
   */
  readonly problems?: ProblemTypes;
}

/** Environment variable that carries the platform's e-mail sender address to the functions that send e-mail. */
export const EMAIL_FROM_ENV = 'NOTIFICATIONS_EMAIL_FROM';

/** Environment variable that carries a table's physical name to a function. */
export function tableEnvName(tableId: string): string {
  return `TABLE_${tableId.toUpperCase().replace(/-/g, '_')}`;
}

/** Environment variable that carries a bucket's physical name to a function. */
export function bucketEnvName(bucketId: string): string {
  return `BUCKET_${bucketId.toUpperCase().replace(/-/g, '_')}`;
}

/** Environment variable that carries a state machine's ARN to a function. */
export function stateMachineEnvName(stateMachineId: string): string {
  return `STATE_MACHINE_${stateMachineId.toUpperCase().replace(/-/g, '_')}`;
}

/** Environment variable that locates a signing key for a function: a KMS key ARN, or a `file:` URL locally. */
export function signingKeyEnvName(keyId: string): string {
  return `SIGNING_KEY_${keyId.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The environment variables naming platform resources that a function is given (as the stack gives them): its
 * tables (the idempotency table too when its route keeps idempotency records), buckets, state machines and
 * signing keys. A function that reads any other one would fail in Lambda.
 */
export function resourceEnvironmentNames(fn: FunctionDescription): string[] {
  return [
    ...Object.keys(fn.tables ?? {}).map(tableEnvName),
    ...(fn.route?.idempotent === true ? [tableEnvName(IDEMPOTENCY_TABLE.id)] : []),
    ...Object.keys(fn.buckets ?? {}).map(bucketEnvName),
    ...(fn.startsStateMachines ?? []).map(stateMachineEnvName),
    ...Object.keys(fn.signingKeys ?? {}).map(signingKeyEnvName),
  ];
}

/** Whether an environment variable names a platform resource (and so is given to a function only if granted). */
export function isResourceEnvironmentName(name: string): boolean {
  return /^(TABLE|BUCKET|STATE_MACHINE|SIGNING_KEY)_/.test(name);
}

/** The whole platform: shared tables plus every bounded context. */
export interface PlatformDescription {
  /** Tables used across contexts (the idempotency records). */
  readonly sharedTables: readonly TableDescription[];
  readonly services: readonly ServiceDescription[];
}

/** The table that stores `Idempotency-Key` records (Powertools idempotency layout). */
export const IDEMPOTENCY_TABLE: TableDescription = {
  id: 'idempotency',
  partitionKey: 'id',
  timeToLiveAttribute: 'expiration',
};
