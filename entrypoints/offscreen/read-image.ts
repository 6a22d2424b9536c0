/**
 * Gets the bytes of an image the user asked about, with a message a person understands when it fails.
 * Only allowed addresses are read (lib/allowed-address.ts), redirects included. Whatever a site sends
 * back that is not a picture gets one message, so nothing of the response (status, type, size) reaches
 * the page that asked.
 */
import { ADDRESS_REFUSED, isAllowedAddress } from '../../lib/allowed-address';
import { CANCELLED, NOT_SENT, TOO_SLOW } from '../../lib/messages';

/** The most bytes one request may hold; photos on shop pages are a few megabytes. */
const MAX_BYTES = 50 * 1024 * 1024;
/** How long a site may take to send the whole picture: a server that never answers must not hold an answer forever. */
export const READ_TIMEOUT_MS = 15_000;
const TOO_LARGE = 'The picture is too large to read (over 50 MB).';

export interface ImageBytes {
  bytes: Uint8Array;
  /** The media type the site gave, or '' if none. */
  type: string;
}

export interface ReadOptions {
  /** The page the picture is on, or undefined when the user chose it in the extension. */
  requestedBy?: string;
  /** Aborted when the card or the tab that asked is closed. */
  signal: AbortSignal;
}

/** Types a site sends for pages and data, never for pictures (SVG is XML but a picture). */
function isDocument(type: string): boolean {
  return type.startsWith('text/') || type.includes('json') || (type.includes('xml') && !type.includes('svg'));
}

export async function readImage(source: string, { requestedBy, signal }: ReadOptions): Promise<ImageBytes> {
  if (!isAllowedAddress(source, requestedBy)) throw new Error(ADDRESS_REFUSED);
  // One deadline for the headers and the body alike, and the caller's cancel, on one controller.
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new Error(TOO_SLOW)), READ_TIMEOUT_MS);
  const cancel = () => controller.abort(new Error(CANCELLED));
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel);
  const failed = (fallback: string) => () => {
    throw controller.signal.aborted ? controller.signal.reason : new Error(fallback);
  };
  try {
    const response = await fetch(source, { credentials: 'omit', signal: controller.signal }).catch(failed(NOT_SENT));
    // A redirect may lead anywhere: the address it ends at must be allowed too.
    if (response.redirected && !isAllowedAddress(response.url, requestedBy)) throw new Error(ADDRESS_REFUSED);
    const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!response.ok || !response.body || isDocument(type)) throw new Error(NOT_SENT);
    if (Number(response.headers.get('content-length')) > MAX_BYTES) throw new Error(TOO_LARGE);
    const bytes = await readAtMost(response.body, MAX_BYTES).catch(failed(NOT_SENT));
    if (!bytes) throw new Error(TOO_LARGE);
    if (bytes.length === 0) throw new Error(NOT_SENT);
    return { bytes, type };
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', cancel);
    if (!controller.signal.aborted) controller.abort(); // let go of a body that was not read to the end
  }
}

/**
 * Reads a body, stopping as soon as it goes over `limit` (then gives undefined): a lying or missing
 * Content-Length bounds nothing.
 */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.length;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) bytes.set(chunk, offset), (offset += chunk.length);
  return bytes;
}
