/**
 * Which model the classifier uses: the bundled one, or a fine-tuned one kept in IndexedDB. Saving a
 * model and making it the one in use happen in one transaction, so a closed page never leaves half a
 * model in use. The version in use before the last change is kept, so the user can go back to it.
 */
import type { ReadFile } from '../data/shards';
import { openDatabase, type StoredModel } from './db';

const ACTIVE = 'activeModel';
const PREVIOUS = 'previousModel';

/** The fine-tuned model in use, or undefined when the bundled one is. */
export async function activeStoredModel(): Promise<StoredModel | undefined> {
  const db = await openDatabase();
  const version = (await db.get('settings', ACTIVE)) as string | undefined;
  return version ? db.get('models', version) : undefined;
}

export function readStoredModel(model: StoredModel): ReadFile {
  return async (name) => {
    const bytes = model.files[name];
    if (!bytes) throw new Error(`not in the stored model ${model.version}`);
    return bytes;
  };
}

/** Stores a fine-tuned model and makes it the one in use; keeps only it and the one it replaces. */
export async function keepNewModel(model: StoredModel): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['models', 'settings'], 'readwrite');
  const models = tx.objectStore('models');
  const settings = tx.objectStore('settings');
  const current = (await settings.get(ACTIVE)) as string | undefined;
  await models.put(model);
  for (const version of await models.getAllKeys()) {
    if (version !== model.version && version !== current) await models.delete(version);
  }
  await settings.put(current ?? null, PREVIOUS);
  await settings.put(model.version, ACTIVE);
  await tx.done;
}

/** Goes back to the bundled model; the fine-tuned one stays as "previous". */
export async function switchToBundledModel(): Promise<void> {
  await switchActive(null);
}

/** Swaps the model in use and the previous one (the bundled model when there was none). */
export async function switchToPreviousModel(): Promise<void> {
  const db = await openDatabase();
  await switchActive(((await db.get('settings', PREVIOUS)) as string | null | undefined) ?? null);
}

async function switchActive(version: string | null): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction('settings', 'readwrite');
  const current = ((await tx.store.get(ACTIVE)) as string | null | undefined) ?? null;
  if (current === version) return tx.done;
  await tx.store.put(current, PREVIOUS);
  await tx.store.put(version, ACTIVE);
  await tx.done;
}

/**
 * Version strings of the model in use and the previous one; null stands for the bundled model, and
 * `previous` is undefined while there is nothing to go back to (no model was ever switched).
 */
export interface ModelChoice {
  active: string | null;
  previous: string | null | undefined;
}

export async function modelChoice(): Promise<ModelChoice> {
  const db = await openDatabase();
  return {
    active: ((await db.get('settings', ACTIVE)) as string | null | undefined) ?? null,
    previous: (await db.get('settings', PREVIOUS)) as string | null | undefined,
  };
}
