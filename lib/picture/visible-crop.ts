/**
 * Which part of a picture a box shows, as fractions of the picture: `object-fit` crops an `<img>`,
 * and `background-size`/`background-position` crop a CSS background (a sprite sheet shows one tile
 * of many). The classifier is given that part only: what the shopper sees is what gets classified.
 */

export interface Crop {
  /** Left, top, width and height as fractions (0..1) of the picture. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Where a picture of `drawn` size lies in a box, the picture's top-left from the box's top-left. */
interface Placement {
  drawn: Size;
  left: number;
  top: number;
}

/** The part of the picture inside the box, or undefined when it is (nearly) all of it or none of it. */
function cropOf(box: Size, { drawn, left, top }: Placement): Crop | undefined {
  if (!(drawn.width > 0 && drawn.height > 0)) return undefined;
  const x0 = Math.max(0, -left / drawn.width);
  const y0 = Math.max(0, -top / drawn.height);
  const x1 = Math.min(1, (box.width - left) / drawn.width);
  const y1 = Math.min(1, (box.height - top) / drawn.height);
  if (x1 <= x0 || y1 <= y0) return undefined;
  const crop = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  return crop.width * crop.height > 0.98 ? undefined : crop;
}

/** A CSS `<position>` offset: a percentage aligns that point of the picture with that point of the box. */
function offset(value: string, free: number): number {
  const v = value.trim();
  const keywords: Record<string, number> = { left: 0, top: 0, center: 50, right: 100, bottom: 100 };
  if (v in keywords) return (keywords[v] / 100) * free;
  if (v.endsWith('%')) return (parseFloat(v) / 100) * free;
  return parseFloat(v) || 0;
}

/** `object-fit` and `object-position` as computed (`object-position` is "50% 50%" by default). */
export function objectFitCrop(box: Size, natural: Size, fit: string, position = '50% 50%'): Crop | undefined {
  const scaleX = box.width / natural.width;
  const scaleY = box.height / natural.height;
  const scale =
    fit === 'cover' ? Math.max(scaleX, scaleY)
    : fit === 'contain' ? Math.min(scaleX, scaleY)
    : fit === 'none' ? 1
    : fit === 'scale-down' ? Math.min(1, scaleX, scaleY)
    : undefined; // fill: the whole picture, stretched
  if (scale === undefined) return undefined;
  const drawn = { width: natural.width * scale, height: natural.height * scale };
  const [px = '50%', py = '50%'] = position.split(/\s+/);
  return cropOf(box, { drawn, left: offset(px, box.width - drawn.width), top: offset(py, box.height - drawn.height) });
}

/** One layer's computed `background-size` (`auto`, `cover`, `contain`, or one or two lengths/percentages). */
function backgroundDrawn(box: Size, natural: Size, size: string): Size {
  if (size === 'cover' || size === 'contain') {
    const scale = (size === 'cover' ? Math.max : Math.min)(box.width / natural.width, box.height / natural.height);
    return { width: natural.width * scale, height: natural.height * scale };
  }
  const [w = 'auto', h = 'auto'] = size.split(/\s+/);
  const length = (v: string, of: number) => (v.endsWith('%') ? (parseFloat(v) / 100) * of : parseFloat(v));
  let width = w === 'auto' ? undefined : length(w, box.width);
  let height = h === 'auto' ? undefined : length(h, box.height);
  if (width === undefined && height === undefined) return natural;
  width ??= (height! * natural.width) / natural.height;
  height ??= (width * natural.height) / natural.width;
  return { width, height };
}

/** The first layer's `background-size` and `background-position` as computed (e.g. "0% 0%", "-200px 0px"). */
export function backgroundCrop(box: Size, natural: Size, size = 'auto', position = '0% 0%'): Crop | undefined {
  const drawn = backgroundDrawn(box, natural, size.split(',')[0].trim());
  const [px = '0%', py = '0%'] = position.split(',')[0].trim().split(/\s+/);
  return cropOf(box, { drawn, left: offset(px, box.width - drawn.width), top: offset(py, box.height - drawn.height) });
}
