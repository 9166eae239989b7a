// Starts an SES server in-process (aws-ses-v2-local): it answers the SES v2 API as AWS does (SendEmail), and keeps
// what it received in memory, readable at `GET <endpoint>/store` (and in a browser at the endpoint), until it stops.
import sesLocal from 'aws-ses-v2-local';
import { freePort } from './free-port.ts';

export interface RunningSes {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startSesLocal(): Promise<RunningSes> {
  const port = await freePort();
  // A CommonJS module whose `exports.default` is the server: Node's ESM import hands over the whole `exports`.
  const server = await sesLocal.default({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive connections of the SDK would hold close() until they time out.
        server.closeAllConnections();
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** An e-mail as the local SES server keeps it (the fields the platform's tools read). */
export interface ReceivedEmail {
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string };
}

/**
 * What the local SES server received for `address`, oldest first. `endpoint` defaults to the one the local
 * platform points its functions at (AWS_ENDPOINT_URL_SESV2, in this process's environment).
 */
export async function emailsTo(address: string, endpoint = process.env.AWS_ENDPOINT_URL_SESV2): Promise<ReceivedEmail[]> {
  if (!endpoint) throw new Error('No local SES server: AWS_ENDPOINT_URL_SESV2 is not set');
  const response = await fetch(`${endpoint}/store`);
  if (!response.ok) throw new Error(`The local SES store answered ${response.status}`);
  const { emails } = (await response.json()) as { emails: ReceivedEmail[] };
  return emails.filter((email) => email.destination.to.includes(address));
}
