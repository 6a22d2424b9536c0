/**
 * Gets a picture ready to be read from the screen: scrolled into view, the extension's cards hidden,
 * and its box given as fractions of the top window's viewport, which is what the service worker's
 * screenshot shows. A frame adds its offsets in the windows above it; a frame of another site cannot
 * see them, and then only the file can be read.
 */
import type { Crop } from '../../lib/picture/visible-crop';

/** Two frames: one for the scroll and the hidden cards to be laid out, one for them to be painted. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

function offsetInTop(win: Window): { x: number; y: number; top: Window } | undefined {
  let x = 0;
  let y = 0;
  for (let w = win; w !== w.parent; w = w.parent) {
    let frame: Element | null;
    try {
      frame = w.frameElement;
    } catch {
      return undefined;
    }
    if (!frame) return undefined;
    const rect = frame.getBoundingClientRect();
    x += rect.left + frame.clientLeft;
    y += rect.top + frame.clientTop;
  }
  try {
    return { x, y, top: win.top! };
  } catch {
    return undefined;
  }
}

export async function boxOnScreen(element: Element, hideCards: () => void): Promise<Crop | undefined> {
  const inView = () => {
    const r = element.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  };
  if (!inView()) element.scrollIntoView({ block: 'center', inline: 'center' });
  hideCards();
  await painted();
  const offset = offsetInTop(window);
  if (!offset) return undefined;
  const { innerWidth: width, innerHeight: height } = offset.top;
  const r = element.getBoundingClientRect();
  const left = Math.max(0, r.left + offset.x);
  const top = Math.max(0, r.top + offset.y);
  const right = Math.min(width, r.right + offset.x);
  const bottom = Math.min(height, r.bottom + offset.y);
  if (right <= left || bottom <= top) return undefined;
  return { x: left / width, y: top / height, width: (right - left) / width, height: (bottom - top) / height };
}
