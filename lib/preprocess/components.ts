import type { Box, Mask } from './types';

export interface Component {
  label: number;
  area: number;
  box: Box;
  cx: number;
  cy: number;
  /** Pixels of the component on the image border. */
  borderPixels: number;
}

export interface Labelled {
  labels: Int32Array;
  components: Component[];
}

/**
 * Labels the connected regions of pixels whose mask value equals `value` (8- or 4-connected).
 * Labels start at 1; 0 marks pixels of the other value.
 */
export function label(m: Mask, value = 1, eight = true): Labelled {
  const { width: w, height: h, data } = m;
  const labels = new Int32Array(w * h);
  const components: Component[] = [];
  const stack = new Int32Array(w * h);
  const n = w * h;
  for (let start = 0; start < n; start++) {
    if (data[start] !== value || labels[start] !== 0) continue;
    const id = components.length + 1;
    let top = 0;
    stack[top++] = start;
    labels[start] = id;
    let area = 0;
    let sx = 0;
    let sy = 0;
    let border = 0;
    let x0 = w;
    let y0 = h;
    let x1 = -1;
    let y1 = -1;
    const visit = (q: number) => {
      if (data[q] === value && labels[q] === 0) {
        labels[q] = id;
        stack[top++] = q;
      }
    };
    while (top > 0) {
      const p = stack[--top];
      const x = p % w;
      const y = (p - x) / w;
      area++;
      sx += x;
      sy += y;
      const left = x > 0;
      const right = x < w - 1;
      const up = y > 0;
      const down = y < h - 1;
      if (!left || !right || !up || !down) border++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (left) visit(p - 1);
      if (right) visit(p + 1);
      if (up) visit(p - w);
      if (down) visit(p + w);
      if (eight) {
        if (up && left) visit(p - w - 1);
        if (up && right) visit(p - w + 1);
        if (down && left) visit(p + w - 1);
        if (down && right) visit(p + w + 1);
      }
    }
    components.push({
      label: id,
      area,
      box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 },
      cx: sx / area,
      cy: sy / area,
      borderPixels: border,
    });
  }
  return { labels, components };
}

/** Bounding box of the set pixels, or null if there are none. */
export function maskBox(m: Mask): Box | null {
  const { width: w, height: h, data } = m;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!data[y * w + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
