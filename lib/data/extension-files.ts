import type { ReadFile } from './shards';

/** Reads files the extension ships, under `folder` of its own origin, with the page's fetch. */
export function readExtensionFiles(folder: string, getUrl: (path: string) => string): ReadFile {
  return async (name) => {
    const response = await fetch(getUrl(`${folder}/${name}`));
    if (!response.ok) throw new Error(`${folder}/${name} could not be read (HTTP ${response.status})`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
