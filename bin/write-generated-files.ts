// `tsx bin/write-generated-files.ts <FunctionId> <folder>`: writes the files a function's description generates from
// the platform (`generatedFiles`) into the folder. The CDK runs it after bundling that function (only then: CDK
// builds the bundling commands of every function at synth, whether or not it bundles them).
import { platform } from '../functions/platform.ts';
import { writeGeneratedFiles } from '../lib/generated-files.ts';

const [functionId, folder] = process.argv.slice(2);
const fn = platform.services.flatMap((service) => service.functions).find((candidate) => candidate.id === functionId);
if (!fn?.generatedFiles || !folder) {
  console.error(`Usage: tsx bin/write-generated-files.ts <id of a function with generatedFiles> <folder>; got ${functionId ?? 'nothing'}`);
  process.exit(2);
}
writeGeneratedFiles(fn.generatedFiles(platform), folder);
