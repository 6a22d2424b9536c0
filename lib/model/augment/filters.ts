/** Softer or thinner edges, as a photo's preprocessing leaves them: 3x3 neighbourhood filters, mixed with the image. */
import { SIDE } from './square-image';

/** Each pixel mixed with the minimum (`erode`) or the mean (`blur`) of its neighbourhood; `tmp` is scratch. */
function neighbourhoodFilter(img: Float32Array, tmp: Float32Array, kind: 'min' | 'mean', mix: number): void {
  tmp.set(img);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let acc = kind === 'min' ? Infinity : 0;
      let n = 0;
      for (let j = -1; j <= 1; j++) {
        for (let i = -1; i <= 1; i++) {
          const yy = y + j;
          const xx = x + i;
          if (kind === 'min' && i !== 0 && j !== 0) continue; // a cross erodes less than a square
          const v = yy < 0 || yy >= SIDE || xx < 0 || xx >= SIDE ? 0 : tmp[yy * SIDE + xx];
          if (kind === 'min') acc = Math.min(acc, v);
          else acc += v;
          n++;
        }
      }
      const out = kind === 'min' ? acc : acc / n;
      img[y * SIDE + x] = tmp[y * SIDE + x] * (1 - mix) + out * mix;
    }
  }
}

/** Eats into the object's edges, as an imperfect background removal does. */
export const erode = (img: Float32Array, tmp: Float32Array, mix: number) => neighbourhoodFilter(img, tmp, 'min', mix);

export const blur = (img: Float32Array, tmp: Float32Array, mix: number) => neighbourhoodFilter(img, tmp, 'mean', mix);
