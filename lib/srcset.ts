/**
 * Picks the largest candidate of `srcset` attributes, so the classifier reads the sharpest picture a
 * page offers rather than the thumbnail it happens to show.
 */
export interface SrcsetCandidate {
  url: string;
  /** Width in pixels for a `w` descriptor, or the density multiplied by `baseWidth` for `x`. */
  size: number;
}

export function parseSrcset(srcset: string, baseWidth = 1): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  // As the HTML spec reads it: a URL runs to the next white space (so it may hold commas, as image
  // CDNs' parameters do); a comma that ends it, or the descriptors after it, ends the candidate.
  const pattern = /\s*([^\s,][^\s]*?)(,+(?=\s|$)|\s+([^,]*)(?:,|$)|$)/y;
  for (let match = pattern.exec(srcset); match && match[0]; match = pattern.exec(srcset)) {
    const url = match[1].replace(/,+$/, '');
    const descriptor = (match[3] ?? '').trim() || '1x';
    const value = parseFloat(descriptor);
    if (!(value > 0)) continue;
    if (descriptor.endsWith('w')) candidates.push({ url, size: value });
    else if (descriptor.endsWith('x')) candidates.push({ url, size: value * baseWidth });
  }
  return candidates;
}

export function largestCandidate(srcsets: string[], baseWidth = 1): string | undefined {
  let best: SrcsetCandidate | undefined;
  for (const candidate of srcsets.flatMap((s) => parseSrcset(s, baseWidth))) {
    if (!best || candidate.size > best.size) best = candidate;
  }
  return best?.url;
}

/** Wide enough for the classifier to find the garment (a 60 px thumbnail is not); more only costs decoding. */
export const WANTED_WIDTH = 320;

/**
 * The candidate to read when the browser shows `shown` (its `currentSrc`, `width` px wide) out of the
 * candidates of one `srcset`, the one the browser chose from (so of a type it can show and for the
 * art direction on screen): `shown` itself if it is wide enough, else the narrowest candidate that
 * is, else the widest. Never a larger file than the classifier needs: a 1600w AVIF is slow to decode.
 */
export function sharpEnough(candidates: SrcsetCandidate[], shown: { url: string; width: number }, wanted = WANTED_WIDTH): string {
  if (shown.width >= wanted) return shown.url;
  const wider = candidates.filter((c) => c.size > shown.width).sort((a, b) => a.size - b.size);
  return (wider.find((c) => c.size >= wanted) ?? wider.at(-1))?.url ?? shown.url;
}
