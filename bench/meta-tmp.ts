import { build } from 'esbuild';
import { esbuildBuildOptions } from '../lib/constructs/function-bundling.ts';
for (const entry of ['functions/permits/handlers/provide-documents.handler.ts', 'functions/civil-status/handlers/view-page.handler.ts']) {
  const result = await build({ ...esbuildBuildOptions(entry, '/tmp/meta-out/x.mjs', process.cwd()), metafile: true, write: false });
  const byPackage = new Map<string, number>();
  const output = Object.entries(result.metafile!.outputs).find(([name]) => name.endsWith('.mjs'))![1];
  for (const [path, info] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const key = m ? m[1]! : path.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
  }
  console.log(entry, [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([k, v]) => `${k}:${Math.round(v / 1024)}`).join('  '));
}
