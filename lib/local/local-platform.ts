// The whole platform on one machine: DynamoDB Local, an S3 server, the local Step Functions runner, the
// virtual clock and the local gateway, all built from the same service descriptions as the CDK stack.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { platform } from '../../functions/platform.ts';
import { DomainError, ValidationFailedError } from '../../functions/shared/errors/domain-errors.ts';
import { problemDocument, type ProblemCode } from '../../functions/shared/errors/problem-types.ts';
import { fieldIssues } from '../../functions/shared/http/field-issues.ts';
import { negotiateLanguage, type Localized } from '../../functions/shared/i18n/language.ts';
import { bucketEnvName, EMAIL_FROM_ENV, signingKeyEnvName, stateMachineEnvName, tableEnvName, type PlatformDescription } from '../../functions/shared/service-description.ts';
import { GENERATED_FILES_DIR_ENV } from '../../functions/shared/generated-files.ts';
import { useTimeSource } from '../../functions/shared/time/time-source.ts';
import { writePlatformGeneratedFiles } from '../generated-files.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from './dynamodb-local.ts';
import { startLocalGateway, type GatewayRoute, type LambdaHttpHandler, type PlatformRequest, type PlatformResponse, type PlatformRoute } from './local-gateway.ts';
import { LocalIssuer, tokenRequestSchema } from './local-issuer.ts';
import { openKeyFile } from './local-key-file.ts';
import { ensureTables } from './local-tables.ts';
import { LocalScheduler } from './local-scheduler.ts';
import { LocalStreams } from './local-streams.ts';
import { LocalWorkflows, localStateMachineArn, type LocalFunctionHandler } from './local-workflows.ts';
import { MALWARE_SCANNER_ENV } from '../../functions/shared/malware-scan.ts';
import { startS3Local } from './s3-local.ts';
import { startSesLocal } from './ses-local.ts';
import { startStepFunctionsEndpoint } from './step-functions-endpoint.ts';
import { VirtualClock } from './virtual-clock.ts';
import { settle } from './settle.ts';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');

type DeployHook = (event: { RequestType: 'Create' }) => Promise<unknown>;
const LOCAL_ISSUER = 'urn:raqmana:local-issuer';
const DEFAULT_TIMEOUT_SECONDS = 10;
/** The local sender of e-mail, unless NOTIFICATIONS_EMAIL_FROM names another. */
export const LOCAL_EMAIL_FROM = 'no-reply@raqmana.localhost';

export interface LocalPlatformOptions {
  readonly port: number;
  readonly dataDir: string;
  /** Start from empty data (`npm start -- --reset`). */
  readonly reset?: boolean;
  readonly description?: PlatformDescription;
}

export interface LocalPlatform {
  readonly url: string;
  readonly clock: VirtualClock;
  /** The local Step Functions runner, for tools that inspect executions (the benchmark counts state transitions). */
  readonly workflows: LocalWorkflows;
  /** The stream reader that hands domain events to their consumers' queues, and delivers those. */
  readonly streams: LocalStreams;
  stop(): Promise<void>;
}

export const physicalTableName = (tableId: string) => `raqmana-${tableId}`;
export const physicalBucketName = (bucketId: string) => `raqmana-${bucketId}`;

const json = (status: number, body: unknown): PlatformResponse => ({
  status,
  body: JSON.stringify(body),
  contentType: 'application/json; charset=utf-8',
});

const NOT_JSON: Localized = { ar: 'نص الطلب ليس JSON صالحا', fr: "Le corps n'est pas un JSON valide", en: 'The body is not valid JSON' };

function problem(request: PlatformRequest, code: ProblemCode, detail: Localized | DomainError, errors?: ReturnType<typeof fieldIssues>): PlatformResponse {
  const language = negotiateLanguage(request.headers['accept-language']);
  const text = detail instanceof DomainError ? detail.detailIn(language) : detail[language];
  const document = problemDocument(code, language, { detail: text, ...(errors && { errors }) });
  return { status: document.status, body: JSON.stringify(document), contentType: 'application/problem+json; charset=utf-8' };
}

function parseJson(request: PlatformRequest): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(request.body.toString('utf8') || 'null') };
  } catch {
    return { ok: false };
  }
}

const clockChangeSchema = z.union([
  z.strictObject({ set: z.iso.datetime({ offset: true }) }),
  z.strictObject({ advance: z.string().regex(/^P/, 'an ISO 8601 duration such as P16D') }),
]);

/** The clock's lead over the wall clock is kept on disk, so virtual time never runs backwards across restarts. */
function openClock(file: string): VirtualClock {
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { offsetMs: number }) : { offsetMs: 0 };
  return new VirtualClock(new Date(Date.now() + saved.offsetMs));
}

function saveClock(file: string, clock: VirtualClock): void {
  writeFileSync(file, JSON.stringify({ offsetMs: clock.now().getTime() - Date.now() }));
}

export async function startLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const description = options.description ?? platform;
  const dataDir = resolve(options.dataDir);
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const clockFile = join(dataDir, 'clock.json');
  const clock = openClock(clockFile);
  useTimeSource(clock);

  const tables = [...description.sharedTables, ...description.services.flatMap((service) => service.tables ?? [])];
  const buckets = description.services.flatMap((service) => service.buckets ?? []);
  const stateMachines = description.services.flatMap((service) => service.stateMachines ?? []);
  const signingKeys = description.services.flatMap((service) => service.signingKeys ?? []);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
    clock.dispose();
  };

  try {
    const dynamodb = await startDynamoDbLocal({ directory: join(dataDir, 'dynamodb') });
    stops.push(dynamodb.stop);
    const s3 = await startS3Local({
      directory: join(dataDir, 's3'),
      buckets: buckets.map((bucket) => physicalBucketName(bucket.id)),
      scannedBuckets: buckets.filter((bucket) => bucket.malwareScan === true).map((bucket) => physicalBucketName(bucket.id)),
      browserTransferBuckets: buckets.filter((bucket) => bucket.browserTransfers === true).map((bucket) => physicalBucketName(bucket.id)),
    });
    stops.push(s3.stop);
    const s3Client = new S3Client({ endpoint: s3.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
    stops.push(async () => s3Client.destroy());
    const ses = await startSesLocal();
    stops.push(ses.stop);

    const functionHandlers = new Map<string, unknown>();
    const workflows = new LocalWorkflows(
      {
        clock,
        resolveFunction: (functionId) => {
          const handler = functionHandlers.get(functionId);
          if (!handler) throw new Error(`No function ${functionId} in the service descriptions`);
          return handler as LocalFunctionHandler;
        },
        dynamodb: dynamodb.client,
        tableName: physicalTableName,
        s3: { client: s3Client, bucketName: physicalBucketName },
        journalFile: join(dataDir, 'running-executions.json'),
      },
      stateMachines,
    );
    stops.push(() => workflows.stop());
    const stepFunctions = await startStepFunctionsEndpoint(workflows);
    stops.push(stepFunctions.stop);

    // Where KMS keeps a signing key in AWS, a key file made on first start stands in.
    const signingKeyFiles = new Map<string, string>();
    for (const key of signingKeys) {
      const file = join(dataDir, `signing-key-${key.id}.json`);
      await openKeyFile(file);
      signingKeyFiles.set(key.id, pathToFileURL(file).href);
    }

    // What a function's bundle carries beside it in Lambda (its generated files), the local platform writes here.
    const generatedFilesDir = join(dataDir, 'generated-files');
    writePlatformGeneratedFiles(description, generatedFilesDir);

    // Handlers read their configuration from the environment, as in Lambda; they run in this process.
    Object.assign(process.env, {
      [GENERATED_FILES_DIR_ENV]: generatedFilesDir,
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SFN: stepFunctions.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      // The sender of every e-mail; SES v2 here accepts any (in AWS: the CDK context value emailFromAddress).
      [EMAIL_FROM_ENV]: process.env[EMAIL_FROM_ENV] ?? LOCAL_EMAIL_FROM,
      S3_FORCE_PATH_STYLE: 'true',
      // s3rver stores streamed uploads corrupted when the SDK adds its default CRC32 trailers.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      METRICS_DISABLED: 'true',
      // No malware scanner runs here: uploads are released as "not scanned" (functions/shared/malware-scan.ts).
      [MALWARE_SCANNER_ENV]: 'none',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'INFO',
      ...Object.fromEntries(tables.map((table) => [tableEnvName(table.id), physicalTableName(table.id)])),
      ...Object.fromEntries(buckets.map((bucket) => [bucketEnvName(bucket.id), physicalBucketName(bucket.id)])),
      ...Object.fromEntries(stateMachines.map((machine) => [stateMachineEnvName(machine.id), localStateMachineArn(machine.id)])),
      ...Object.fromEntries([...signingKeyFiles].map(([keyId, url]) => [signingKeyEnvName(keyId), url])),
    });

    await ensureTables(dynamodb.client, tables, physicalTableName);
    const routes: GatewayRoute[] = [];
    for (const service of description.services) {
      for (const fn of service.functions) {
        const module = (await import(pathToFileURL(join(REPOSITORY_ROOT, fn.entry)).href)) as { handler: unknown };
        functionHandlers.set(fn.id, module.handler);
        // What AWS runs once per deployment, the local platform runs on every start.
        if (fn.runsOnDeploy) await (module.handler as DeployHook)({ RequestType: 'Create' });
        if (fn.route) {
          routes.push({ functionId: fn.id, route: fn.route, handler: module.handler as LambdaHttpHandler, timeoutSeconds: fn.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS });
        }
      }
    }

    const streams = new LocalStreams(
      {
        clock,
        dynamodb: dynamodb.client,
        endpoint: dynamodb.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
        tableName: physicalTableName,
        resolveFunction: (functionId) => functionHandlers.get(functionId) as LocalFunctionHandler,
        checkpointFile: join(dataDir, 'stream-positions.json'),
        queueFile: join(dataDir, 'event-queues.json'),
        deadLetterFile: join(dataDir, 'stream-dead-letters.json'),
      },
      description.services,
    );
    clock.addDrain(() => streams.drain());
    streams.start();
    stops.push(() => streams.stop());

    const scheduler = new LocalScheduler(clock, workflows, stateMachines);
    // Timers survive a restart: executions that were running go on from where their workflow re-reads its state.
    workflows.resumeJournal();
    stops.push(async () => scheduler.stop());

    const issuer = await LocalIssuer.open(join(dataDir, 'local-issuer-key.json'), LOCAL_ISSUER);

    const platformRoutes: Record<string, PlatformRoute> = {
      'POST /_local/tokens': async (request) => {
        const parsed = parseJson(request);
        if (!parsed.ok) return problem(request, 'malformed-json', NOT_JSON);
        const result = tokenRequestSchema.safeParse(parsed.value);
        if (!result.success) {
          const language = negotiateLanguage(request.headers['accept-language']);
          const detail = { ar: 'طلب رمز غير صالح', fr: 'Demande de jeton invalide', en: 'Invalid token request' };
          return problem(request, 'validation-failed', detail, fieldIssues('body', result.error, language));
        }
        const issuedAt = clock.now();
        const token = await issuer.sign(result.data, issuedAt);
        return json(201, { token, expiresAt: new Date(issuedAt.getTime() + (result.data.expiresIn ?? 3600) * 1000).toISOString() });
      },
      'GET /_local/jwks.json': async () => json(200, { keys: [issuer.publicJwk] }),
      'GET /_local/clock': async () => json(200, { now: clock.now().toISOString() }),
      'POST /_local/clock': async (request) => {
        const parsed = parseJson(request);
        if (!parsed.ok) return problem(request, 'malformed-json', NOT_JSON);
        const result = clockChangeSchema.safeParse(parsed.value);
        if (!result.success) {
          const language = negotiateLanguage(request.headers['accept-language']);
          const detail = {
            ar: 'أرسل {"set": لحظة ISO} أو {"advance": مدة ISO}',
            fr: 'Envoyez {"set": instant ISO} ou {"advance": durée ISO}',
            en: 'Send {"set": ISO instant} or {"advance": ISO duration}',
          };
          return problem(request, 'validation-failed', detail, fieldIssues('body', result.error, language));
        }
        try {
          await ('set' in result.data ? clock.set(new Date(result.data.set)) : clock.advance(result.data.advance));
        } catch (error) {
          if (error instanceof ValidationFailedError) return problem(request, error.code, error);
          throw error;
        }
        saveClock(clockFile, clock);
        return json(200, { now: clock.now().toISOString() });
      },
      // What a change caused (its events delivered, the workflows and notifications they made) has happened when this answers.
      'POST /_local/settle': async () => {
        await settle(clock);
        return json(200, { now: clock.now().toISOString(), deadLetters: streams.deadLetters.length });
      },
      'GET /health': async () => {
        const check = async (probe: () => Promise<unknown>) => {
          const started = performance.now();
          try {
            await probe();
            return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
          } catch (error) {
            return { status: 'failing', error: (error as Error).name };
          }
        };
        const components = {
          dynamodb: { endpoint: dynamodb.endpoint, ...(await check(() => dynamodb.client.send(new ListTablesCommand({ Limit: 1 })))) },
          s3: { endpoint: s3.endpoint, ...(await check(() => s3Client.send(new ListBucketsCommand({})))) },
          stepFunctions: { status: 'ok', endpoint: stepFunctions.endpoint, stateMachines: stateMachines.length },
          // What the functions sent by e-mail: GET <endpoint>/store.
          email: { status: 'ok', endpoint: ses.endpoint },
          // A dead letter is an event a consumer failed on every attempt: the platform is not healthy until it is looked at.
          streams: { status: streams.deadLetters.length === 0 ? 'ok' : 'failing', readers: streams.readerCount, subscriptions: streams.subscriptionCount, deadLetters: streams.deadLetters.length },
          gateway: { status: 'ok', routes: routes.length },
          clock: { status: 'ok', now: clock.now().toISOString() },
        };
        const healthy = Object.values(components).every((component) => component.status === 'ok');
        return json(healthy ? 200 : 503, { status: healthy ? 'ok' : 'degraded', components });
      },
    };

    const gateway = await startLocalGateway({ port: options.port, routes, platformRoutes, issuer, timeSource: clock });
    stops.push(() => gateway.close());
    return { url: gateway.url, clock, workflows, streams, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
