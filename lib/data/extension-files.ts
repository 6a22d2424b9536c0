import type { ReadFile } from './shards';

/** Reads files the extension ships, under `folder` of its own origin, with the page's fetch. */
export function readExtensionFiles(folder: string, getUrl: (path: string) => string): ReadFile {
  return async (name) => {
    const response = await fetch(getUrl(`${folder}/${name}`));
    if (!response.ok) throw new Error(`${folder}/${name} could not be read (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/**
 * Starts reading every one of `names` at once, and hands each out when it is asked for: a caller that
 * reads its files one after another, as the model loader does, need not wait for each in turn.
 */
export function readAhead(read: ReadFile, names: string[]): ReadFile {
  const reads = new Map(names.map((name) => [name, read(name)]));
  // A failed read is reported to whoever asks for that file, not as an unhandled rejection before then.
  for (const pending of reads.values()) pending.catch(() => undefined);
  return (name) => reads.get(name) ?? read(name);
}
