/**
 * The model in use, loaded once and kept warm: a valid fine-tuned model from IndexedDB if the user
 * kept one, else the bundled model. A stored model that fails to load is refused, with its reason.
 */
import { browser } from 'wxt/browser';
import { readAhead, readExtensionFiles } from '../../lib/data/extension-files';
import { METADATA_FILE, MODEL_FILE, WEIGHTS_FILE } from '../../lib/model/contract';
import { loadModel, type LoadedModel } from '../../lib/model/io';
import { classify, disposeModel } from '../../lib/model/predict';
import { modelRefused, type ModelStatus } from '../../lib/messages';
import { activeStoredModel, readStoredModel } from '../../lib/storage/models';
import { useWasmBackend } from '../../lib/tf/backend';
import { markOnce } from './timeline';

const extensionUrl = (path: string) => browser.runtime.getURL(`/${path}` as '/');

export interface ModelInUse extends LoadedModel {
  status: ModelStatus;
}

let loading: Promise<ModelInUse> | undefined;

async function load(): Promise<ModelInUse> {
  // The backend's WASM compiles while the model files are read. The bundled model's are read even when
  // a fine-tuned one is in use: half a megabyte from the extension, and the fallback if that one fails.
  const [, stored, bundled] = await Promise.all([
    useWasmBackend({ wasmPaths: extensionUrl('wasm/') }).then(() => markOnce('backend-ready')),
    activeStoredModel().catch(() => undefined),
    readAhead(readExtensionFiles('model', extensionUrl), [METADATA_FILE, MODEL_FILE, WEIGHTS_FILE]),
  ]);
  let refused: string | undefined;
  let loaded: LoadedModel | undefined;
  if (stored) {
    try {
      loaded = await loadModel(readStoredModel(stored));
    } catch (err) {
      refused = modelRefused(stored.version, (err as Error).message);
      console.warn(refused);
    }
  }
  loaded ??= await loadModel(bundled);
  markOnce('model-loaded');
  classify(loaded.model, new Float32Array(784)); // warm-up: the first run compiles and allocates
  markOnce('model-warmed-up');
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
