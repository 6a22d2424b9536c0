// Puts the per-phase stride-1 convs of a strided input gradient back together
// (see conv-phases.ts for the index maths). Used by the Conv2D and the
// depthwise input-gradient kernels.
//
// Interleaving is two Concats of reshaped views: the wasm Concat copies whole
// contiguous runs, whereas a 6-D Transpose or DepthToSpace, the obvious ways
// to interleave, are generic index loops there and measured over 10x slower.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { AxisPlan } from './conv-phases';
import type { WasmScope } from './wasm-scope';

/** Interleaves parts[i] ([outer, inner] each) into [outer, parts.length * inner]. */
function interleave(s: WasmScope, parts: TensorInfo[], outer: number, inner: number): TensorInfo {
  if (parts.length === 1) return parts[0];
  const rows = parts.map((p) => s.reshape(p, [outer, 1, inner]));
  return s.run('Concat', rows, { axis: 1 });
}

/** Computes one phase: [n, rows.grid, cols.grid, inC] from dy with the given padding. */
export type PhaseConv = (py: number, px: number, padH: number[], padW: number[]) => TensorInfo;

/**
 * Runs every phase of a strided input gradient, interleaves them and crops the
 * result to inShape (see conv-phases.ts). Shared with the depthwise kernel.
 */
export function assemblePhases(s: WasmScope, rows: AxisPlan, cols: AxisPlan, inShape: number[],
  phaseConv: PhaseConv): TensorInfo {
  const [n, inH, inW, inC] = inShape;
  const { grid: qh } = rows;
  const { grid: qw } = cols;
  const byRow: TensorInfo[] = [];
  for (let py = 0; py < rows.stride; py++) {
    const phases: TensorInfo[] = [];
    for (let px = 0; px < cols.stride; px++) {
      phases.push(rows.taps[py] === 0 || cols.taps[px] === 0 ? s.zeros([n, qh, qw, inC])
        : phaseConv(py, px, [rows.padBefore[py], rows.padAfter], [cols.padBefore[px], cols.padAfter]));
    }
    byRow.push(interleave(s, phases, n * qh * qw, inC)); // [n, qh, qw * sw, inC]
  }
  let dx = interleave(s, byRow, n * qh, qw * cols.stride * inC);
  const h = qh * rows.stride;
  const wd = qw * cols.stride;
  if (rows.crop !== 0 || cols.crop !== 0 || h !== inH || wd !== inW) {
    dx = s.slice(s.reshape(dx, [n, h, wd, inC]), [0, rows.crop, cols.crop, 0], [n, inH, inW, inC]);
  }
  return s.reshape(dx, [n, inH, inW, inC]);
}
