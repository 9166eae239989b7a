// The bare handler every function's cold start is compared with: bundled and started the same way, it does nothing.
export async function handler() {
  return { statusCode: 200, body: 'hello' };
}
