import { buildModel, DEFAULT_ARCHITECTURE } from '../lib/model/architecture';
import { createTrainer } from '../lib/model/trainer';
import { useWasmBackend } from '../lib/tf/backend';
import { startWorkerTrainer } from './support/worker-replicas';
import { createRng } from '../lib/model/rng';
await useWasmBackend();
const B = 64;
const rng = createRng(1);
const pixels = Float32Array.from({ length: B * 784 }, () => rng.next());
const labels = Uint8Array.from({ length: B }, () => rng.int(10));
const one = createTrainer(buildModel(DEFAULT_ARCHITECTURE), { weightDecay: 0.01, labelSmoothing: 0 });
const par = await startWorkerTrainer(buildModel(DEFAULT_ARCHITECTURE), { weightDecay: 0.01, labelSmoothing: 0 }, 2);
for (let rep = 0; rep < 6; rep++) {
  let t = performance.now();
  for (let i = 0; i < 8; i++) one.step(pixels, labels, B, 1e-4);
  const a = (performance.now() - t) / 8;
  t = performance.now();
  for (let i = 0; i < 8; i++) await par.step(pixels, labels, B, 1e-4);
  await par.syncModel();
  const b = (performance.now() - t) / 8;
  console.log(`one ${a.toFixed(1)} ms, two ${b.toFixed(1)} ms, ratio ${(a / b).toFixed(2)}`);
}
await par.dispose();
