/**
 * `npm run bench:kernels`: GMAC/s of the conv kernels training uses on the
 * single-threaded wasm backend: forward Conv2D, our Conv2DBackpropFilter and
 * Conv2DBackpropInput, and the stock wasm Conv2DBackpropInput (conv2dTranspose) they replace.
 * Each figure is the best of several runs, since other work on the machine adds noise.
 *
 *   npm run bench:kernels -- [--json]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { useWasmBackend } from '../../lib/tf/backend';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { runCli } from '../support/run-cli';

// The stock kernel, taken before useWasmBackend replaces it.
const stockBackpropInput = tf.getKernel('Conv2DBackpropInput', 'wasm')!;

/** Best time of `reps` runs; `run` computes (synchronously, as wasm does) and frees its output. */
function bestMs(run: () => void, reps: number): number {
  run(); // warm-up
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { ...JSON_OPTION } });
  await useWasmBackend();
  const shapes: Array<[number, number, number]> = [[64, 28, 32], [64, 14, 64]]; // [batch, size, channels]
  /** GMAC/s by shape, under stable names. */
  const figures: Record<string, { forward: number; dFilter: number; dInput: number; stockDInput: number }> = {};
  for (const [n, size, c] of shapes) {
    for (const stride of [1, 2]) {
      const xShape: [number, number, number, number] = [n, size, size, c];
      const filterShape: [number, number, number, number] = [3, 3, c, c];
      const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, stride, 1, 'same');
      const macs = n * info.outHeight * info.outWidth * 9 * c * c;
      const x = tf.randomNormal(xShape);
      const filter = tf.randomNormal(filterShape);
      const dy = tf.randomNormal(info.outShape);
      const attrs = { strides: stride, pad: 'same', dataFormat: 'NHWC' };
      const run = (name: string, inputs: tf.NamedTensorMap, extra: object) => () =>
        (tf.engine().runKernel(name, inputs, { ...attrs, ...extra } as never) as tf.Tensor).dispose();
      const forward = run('Conv2D', { x, filter }, { dilations: 1 });
      const dFilter = run('Conv2DBackpropFilter', { x, dy }, { filterShape });
      const dInput = run('Conv2DBackpropInput', { dy, filter }, { inputShape: xShape });
      const stock = () => {
        const out = stockBackpropInput.kernelFunc({ inputs: { dy, filter }, backend: tf.backend(),
          attrs: { ...attrs, inputShape: xShape } as never }) as tf.TensorInfo;
        tf.backend().disposeData(out.dataId);
      };
      const rate = (ms: number) => rounded(macs / ms / 1e6, 1);
      figures[`${xShape.join('x')}_3x3x${c}x${c}_s${stride}`] = {
        forward: rate(bestMs(forward, 7)),
        dFilter: rate(bestMs(dFilter, 7)),
        dInput: rate(bestMs(dInput, 7)),
        stockDInput: rate(bestMs(stock, 2)),
      };
      tf.dispose([x, filter, dy]);
    }
  }
  printFigures(args.json, figures, (f) => {
    console.log('shape (NHWC) x filter, stride        forward  dFilter  dInput  stock dInput   (GMAC/s)');
    for (const [shape, r] of Object.entries(f)) {
      const [x, filter, stride] = shape.split('_');
      const label = `[${x.replaceAll('x', ',')}] x ${filter}, ${stride}`.padEnd(36);
      const col = (v: number) => v.toFixed(1).padStart(7);
      console.log(`${label}${col(r.forward)}  ${col(r.dFilter)} ${col(r.dInput)}  ${col(r.stockDInput)}`);
    }
  });
}

await runCli(main);
