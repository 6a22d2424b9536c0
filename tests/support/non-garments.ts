/** Pictures of things that are none of the 10 kinds, drawn for the journeys as a shop would show them. */
import sharp from 'sharp';

/** A wrist watch on white: a round face with hands, a crown and two straps. */
const WATCH_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400">
<rect width="400" height="400" fill="#ffffff"/>
<rect x="160" y="10" width="80" height="130" rx="10" fill="#3b2a20"/>
<rect x="160" y="260" width="80" height="130" rx="10" fill="#3b2a20"/>
<circle cx="200" cy="200" r="85" fill="#9aa0a6"/><circle cx="200" cy="200" r="70" fill="#f4f1e8"/>
<line x1="200" y1="200" x2="200" y2="145" stroke="#111" stroke-width="6"/>
<line x1="200" y1="200" x2="240" y2="215" stroke="#111" stroke-width="4"/>
<rect x="283" y="192" width="14" height="16" fill="#9aa0a6"/></svg>`;

export function renderWatch(): Promise<Buffer> {
  return sharp(Buffer.from(WATCH_SVG)).png().toBuffer();
}
