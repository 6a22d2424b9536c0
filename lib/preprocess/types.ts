/** An RGBA image, 4 bytes per pixel, row-major, no padding between rows. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** An axis-aligned rectangle in pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Preprocessed =
  | {
      ok: true;
      /** 784 values, row-major 28x28, 0..1, light object on black. */
      input: Float32Array;
      /** The 28x28 input as a gray RGBA image, to show "what the model saw". */
      preview: RgbaImage;
      /** Object bounds in source pixels. */
      box: Box;
    }
  | { ok: false; reason: 'no-object'; message: string };

/** A single-channel float image. */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** A binary image: 1 = object, 0 = background. */
export interface Mask {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Side of the model input. */
export const SIDE = 28;
