import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ReadableStream } from '../../../functions/shared/aws/lazy-web-streams.ts';

describe('the bundles’ stand-in for node:stream/web', () => {
  it('recognises a web stream as middy checks it, with instanceof', () => {
    expect(new NodeReadableStream() instanceof (ReadableStream as never)).toBe(true);
  });

  it('refuses what is not a web stream: a Node stream, a string, an object', () => {
    for (const value of [Readable.from(['a']), 'body', { getReader: () => undefined }, undefined]) expect(value instanceof (ReadableStream as never)).toBe(false);
  });
});
