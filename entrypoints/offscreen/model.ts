/**
 * The model in use, loaded once and kept warm: a valid fine-tuned model from IndexedDB if the user
 * kept one, else the bundled model. A stored model that fails to load is refused, with its reason.
 */
import { browser } from 'wxt/browser';
import { readExtensionFiles } from '../../lib/data/extension-files';
import { loadModel, type LoadedModel } from '../../lib/model/io';
import { classify, disposeModel } from '../../lib/model/predict';
import { modelRefused, type ModelStatus } from '../../lib/messages';
import { activeStoredModel, readStoredModel } from '../../lib/storage/models';
import { useWasmBackend } from '../../lib/tf/backend';

const extensionUrl = (path: string) => browser.runtime.getURL(`/${path}` as '/');

export interface ModelInUse extends LoadedModel {
  status: ModelStatus;
}

let loading: Promise<ModelInUse> | undefined;

async function load(): Promise<ModelInUse> {
  await useWasmBackend({ wasmPaths: extensionUrl('wasm/') });
  let refused: string | undefined;
  const stored = await activeStoredModel().catch(() => undefined);
  let loaded: LoadedModel | undefined;
  if (stored) {
    try {
      loaded = await loadModel(readStoredModel(stored));
    } catch (err) {
      refused = modelRefused(stored.version, (err as Error).message);
      console.warn(refused);
    }
  }
  loaded ??= await loadModel(readExtensionFiles('model', extensionUrl));
  classify(loaded.model, new Float32Array(784)); // warm-up: the first run compiles and allocates
  return { ...loaded, status: { version: loaded.metadata.version, refused } };
}

export function modelInUse(): Promise<ModelInUse> {
  loading ??= load();
  loading.catch(() => (loading = undefined)); // a failed load is tried again on the next request
  return loading;
}

/** Loads the model in use again; the old one is released once the new one is ready. */
export async function reloadModel(): Promise<ModelStatus> {
  const previous = loading;
  loading = undefined;
  const next = await modelInUse();
  const old = await previous?.catch(() => undefined);
  if (old && old.model !== next.model) disposeModel(old.model);
  return next.status;
}
