/** The files of the model the classifier uses now: the kept fine-tuned one if it is valid, else the bundled one. */
import { browser } from 'wxt/browser';
import { readExtensionFiles } from '../../lib/data/extension-files';
import { METADATA_FILE, MODEL_FILE, WEIGHTS_FILE } from '../../lib/model/contract';
import type { ModelStatus } from '../../lib/messages';
import { activeStoredModel } from '../../lib/storage/models';

export async function modelFilesInUse(status: ModelStatus): Promise<Record<string, Uint8Array>> {
  const stored = status.refused ? undefined : await activeStoredModel();
  if (stored?.version === status.version) return stored.files;
  const read = readExtensionFiles('model', (path) => browser.runtime.getURL(`/${path}` as '/'));
  const names = [MODEL_FILE, WEIGHTS_FILE, METADATA_FILE];
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await read(name)] as const)));
}
