// The base of the OParl objects' ids: the address the caller reached the API at (its host, and its scheme as the
// gateway saw it), so each id is the URL that serves the object.
import type { HttpEvent } from '../../shared/http/http-handler.ts';
import { OparlUrls } from '../domain/oparl.ts';

export function oparlUrls(event: HttpEvent): OparlUrls {
  const host = event.headers?.host ?? event.requestContext.domainName;
  const scheme = event.headers?.['x-forwarded-proto'] ?? (/^(localhost|127\.0\.0\.1)(:|$)/.test(host) ? 'http' : 'https');
  return new OparlUrls(`${scheme}://${host}`);
}
