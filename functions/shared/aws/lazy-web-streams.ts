// `node:stream/web` as the function bundles carry it: an esbuild alias (see lib/constructs/function-bundling.ts)
// puts this module in its place. Loading Node's web streams costs about 10 ms of a cold start, and the only module
// of ours that imports them, @middy/core, reads `ReadableStream` on a streamed response alone, which no function
// of ours answers. The global `ReadableStream` is the same class and Node loads it on first access, so
// `instanceof ReadableStream` answers as before, paying the load only when a response streams. A module that
// needs anything else from `node:stream/web` fails the bundling (no such export) rather than running without it.
const globalStreams = globalThis as unknown as { readonly ReadableStream: new (...args: never[]) => unknown };

/** Stands for the class where middy uses it (`instanceof`), reaching the global one when first used. */
export const ReadableStream = {
  [Symbol.hasInstance]: (value: unknown) => value instanceof globalStreams.ReadableStream,
};
