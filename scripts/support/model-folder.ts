/** A model saved in a folder (model.json, weights.bin, metadata.json), for the Node tools. */
import { loadModel, type LoadedModel } from '../../lib/model/io';
import { readFromDir } from '../../lib/node/fashion-mnist';
import { UserError } from './run-cli';

/** The model the extension ships, and the tools write by default. */
export const BUNDLED_MODEL_DIR = new URL('../../public/model/', import.meta.url).pathname;

/** The model saved in `dir`; one that is missing or damaged is refused in one line. */
export async function loadModelFrom(dir = BUNDLED_MODEL_DIR): Promise<LoadedModel> {
  try {
    return await loadModel(readFromDir(dir));
  } catch (err) {
    throw new UserError(`${dir} holds no model this version can use: ${(err as Error).message}`);
  }
}
