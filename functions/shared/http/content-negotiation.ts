// Which of two representations of the same answer a caller's `Accept` header ranks higher (RFC 9110, 12.5.1): the
// alternative only when its quality is above that of every type, or wildcard, the default would match.

function ranked(accept: string): { readonly type: string; readonly quality: number }[] {
  return accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    return { type: type.trim(), quality: Number.isFinite(quality) ? quality : 0 };
  });
}

/** True when `Accept` ranks `alternative` above every one of `defaults` and the wildcards that would match them. */
export function acceptsFirst(accept: string | undefined, alternative: string, defaults: readonly string[]): boolean {
  if (!accept) return false;
  const entries = ranked(accept);
  const qualityOf = (matches: (type: string) => boolean) => Math.max(0, ...entries.filter((entry) => matches(entry.type)).map((entry) => entry.quality));
  const wildcards = new Set(['*/*', ...defaults.map((type) => `${type.split('/')[0]}/*`)]);
  const wanted = qualityOf((type) => type === alternative);
  return wanted > 0 && wanted > qualityOf((type) => defaults.includes(type) || wildcards.has(type));
}
