/** Gets the bytes of an image the user asked about, with a message a person understands when it fails. */

const MAX_BYTES = 100 * 1024 * 1024;
/** How long a site may take to send the whole picture: a server that never answers must not hold an answer forever. */
export const READ_TIMEOUT_MS = 15_000;
const TOO_SLOW = 'The site did not send the picture in time.';

const timedOut = (err: unknown) => (err as Error)?.name === 'TimeoutError';

export async function readImage(source: string): Promise<Blob> {
  // One deadline for the headers and the body alike.
  const signal = AbortSignal.timeout(READ_TIMEOUT_MS);
  let response: Response;
  try {
    // The extension's host permission lets this read images served without CORS headers.
    response = await fetch(source, { credentials: 'omit', signal });
  } catch (err) {
    throw new Error(timedOut(err) ? TOO_SLOW : 'The image could not be downloaded: the site did not answer.');
  }
  if (!response.ok) throw new Error(`The image could not be downloaded (HTTP ${response.status}).`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type.startsWith('text/') || type.includes('json') || type.includes('xml') && !type.includes('svg')) {
    throw new Error(`That address is a ${type} document, not an image.`);
  }
  if (Number(response.headers.get('content-length')) > MAX_BYTES) {
    throw new Error('The image is too large to read (over 100 MB).');
  }
  const blob = await response.blob().catch((err: unknown) => {
    throw new Error(timedOut(err) ? TOO_SLOW : 'The image could not be downloaded: the site stopped sending it.');
  });
  if (blob.size > MAX_BYTES) throw new Error('The image is too large to read (over 100 MB).');
  if (blob.size === 0) throw new Error('The image is empty.');
  return blob;
}
