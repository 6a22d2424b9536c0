/**
 * `npm run classify -- <files or folders>... [--json] [--model DIR] [--save-input DIR]`: the
 * extension's preprocessing and model on image files, one answer per image. A file that cannot be
 * classified gets an error line and the others still run; the exit code is 1 if any failed.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { answerFrom, formatConfidence, headline } from '../../lib/answer';
import { classify } from '../../lib/model/predict';
import { preprocess } from '../../lib/preprocess';
import { useWasmBackend } from '../../lib/tf/backend';
import { loadModelFrom } from '../support/model-folder';
import { decodePhoto, expandPaths } from '../support/photos';
import { runCli, UserError } from '../support/run-cli';

async function main(): Promise<void> {
  const { values: args, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, model: { type: 'string' }, 'save-input': { type: 'string' } },
  });
  if (positionals.length === 0) throw new UserError('usage: npm run classify -- <files or folders>... [--json] [--model DIR] [--save-input DIR]');

  await useWasmBackend();
  const { model, metadata } = await loadModelFrom(args.model);
  if (args['save-input']) await mkdir(args['save-input'], { recursive: true });

  let failed = 0;
  for (const file of await expandPaths(positionals)) {
    try {
      const prepared = preprocess(await decodePhoto(file));
      if (!prepared.ok) throw new Error(prepared.message);
      const answer = answerFrom(classify(model, prepared.input)[0], metadata.outOfScope);
      if (args['save-input']) {
        const { width, height, data } = prepared.preview;
        await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } })
          .png()
          .toFile(join(args['save-input'], `${basename(file).replace(/\.[^.]+$/, '')}.png`));
      }
      const top3 = answer.top3.map((g) => ({ label: g.label, index: g.index, confidence: Number(g.confidence.toFixed(4)) }));
      if (args.json) {
        const { label, index, verdict } = answer;
        const [confidence, inScopeScore] = [answer.confidence, answer.inScopeScore].map((v) => Number(v.toFixed(4)));
        console.log(JSON.stringify({ file, label, index, confidence, top3, unsure: verdict === 'unsure', verdict, inScopeScore }));
      } else {
        const guesses = top3.map((g) => `${g.label} ${formatConfidence(g.confidence)}`).join(', ');
        console.log(`${file}: ${headline(answer)} (${answer.verdict === 'out-of-scope' ? 'closest' : 'top 3'}: ${guesses})`);
      }
    } catch (err) {
      failed++;
      const message = (err as Error).message;
      if (args.json) console.log(JSON.stringify({ file, error: message }));
      else console.error(`${file}: error: ${message}`);
    }
  }
  process.exit(failed > 0 ? 1 : 0);
}

await runCli(main);
