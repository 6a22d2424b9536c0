/**
 * `npm run bench:kernels`: GMAC/s of the conv kernels training uses on the
 * single-threaded wasm backend: forward Conv2D, our Conv2DBackpropFilter and
 * Conv2DBackpropInput, and the stock wasm Conv2DBackpropInput (conv2dTranspose) they replace.
 * Each figure is the best of several runs, since other work on the machine adds noise.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { useWasmBackend } from '../../lib/tf/backend';
import { refuseArguments, runCli } from '../support/run-cli';

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
  refuseArguments();
  await useWasmBackend();
  const shapes: Array<[number, number, number]> = [[64, 28, 32], [64, 14, 64]]; // [batch, size, channels]
  console.log('shape (NHWC) x filter, stride        forward  dFilter  dInput  stock dInput   (GMAC/s)');
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
      const rate = (ms: number) => (macs / ms / 1e6).toFixed(1).padStart(7);
      const label = `[${xShape}] x 3x3x${c}x${c}, s${stride}`.padEnd(36);
      console.log(`${label}${rate(bestMs(forward, 7))}  ${rate(bestMs(dFilter, 7))} ${rate(bestMs(dInput, 7))}`
        + `  ${rate(bestMs(stock, 2))}`);
      tf.dispose([x, filter, dy]);
    }
  }
}

await runCli(main);
