/**
 * The picture addresses in a computed `background-image`: plain `url()` layers and `image-set()`
 * choices (with their density and type), gradients left out. The browser already picked an
 * `image-set()` option to paint; we take the sharpest option of a type it can show instead.
 */

export interface CssImage {
  url: string;
  /** The `image-set()` resolution (1 for a plain `url()`). */
  density: number;
  /** The `type()` of an `image-set()` option, if it gave one. */
  type?: string;
}

const URL_PATTERN = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)\s]*))\s*\)/y;

/** Splits at the commas of the top level (not inside parentheses or quotes). */
function topLevelParts(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) parts.push(value.slice(start, i)), (start = i + 1);
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

function urlAt(text: string): { url: string; rest: string } | undefined {
  URL_PATTERN.lastIndex = 0;
  const match = URL_PATTERN.exec(text);
  if (!match) return undefined;
  const url = (match[1] ?? match[2] ?? match[3]).replace(/\\(.)/g, '$1');
  return { url, rest: text.slice(match[0].length) };
}

function imageSetOption(option: string): CssImage | undefined {
  // An option is `url(…)` or a bare string, then a resolution and a type in either order.
  const bare = /^(["'])((?:\\.|(?!\1).)*)\1/.exec(option);
  const found = bare ? { url: bare[2], rest: option.slice(bare[0].length) } : urlAt(option);
  if (!found) return undefined;
  const resolution = /(?:^|\s)(\d*\.?\d+)(x|dppx|dpi|dpcm)\b/.exec(found.rest);
  const perPx = { x: 1, dppx: 1, dpi: 1 / 96, dpcm: 2.54 / 96 };
  const density = resolution ? Number(resolution[1]) * perPx[resolution[2] as keyof typeof perPx] : 1;
  const type = /type\(\s*["']([^"']+)["']\s*\)/.exec(found.rest)?.[1];
  return { url: found.url, density, ...(type ? { type } : {}) };
}

/** Every picture of a `background-image` value, layer by layer, top layer first. */
export function cssImages(value: string): CssImage[][] {
  return topLevelParts(value).map((layer) => {
    const set = /^(?:-webkit-)?image-set\(([\s\S]*)\)$/.exec(layer);
    if (set) return topLevelParts(set[1]).flatMap((option) => imageSetOption(option) ?? []);
    const plain = urlAt(layer);
    return plain ? [{ url: plain.url, density: 1 }] : [];
  });
}

/**
 * The picture to read for a `background-image`: of the top layer that holds one, the option of the
 * highest density among the types `canShow` accepts (options without a type always can).
 */
export function bestCssImage(value: string, canShow: (type: string) => boolean = () => true): string | undefined {
  for (const layer of cssImages(value)) {
    const shown = layer.filter((option) => !option.type || canShow(option.type));
    const best = shown.reduce<CssImage | undefined>((a, b) => (!a || b.density > a.density ? b : a), undefined);
    if (best) return best.url;
  }
  return undefined;
}
