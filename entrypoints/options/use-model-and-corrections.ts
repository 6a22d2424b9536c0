import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type ModelStatus } from '../../lib/messages';
import { listCorrections } from '../../lib/storage/history';
import { modelChoice, type ModelChoice } from '../../lib/storage/models';
import { modelFilesInUse } from './model-files';

export interface ModelAndCorrections {
  status?: ModelStatus;
  choice?: ModelChoice;
  /** The files of the model in use, which fine-tuning starts from and the speed is timed on. */
  files?: Record<string, Uint8Array>;
  /** How many answers the user corrected: fine-tuning trains on them too. */
  corrections?: number;
  error?: string;
  /** Reads it all again; with `reload`, first has the classifier load the model in use again. */
  refresh(reload?: boolean): Promise<void>;
  dismissError(): void;
}

/** What the options page reads from the extension, when it opens and after every change it makes. */
export function useModelAndCorrections(): ModelAndCorrections {
  const [status, setStatus] = useState<ModelStatus>();
  const [choice, setChoice] = useState<ModelChoice>();
  const [corrections, setCorrections] = useState<number>();
  const [files, setFiles] = useState<Record<string, Uint8Array>>();
  const [error, setError] = useState<string>();

  const refresh = async (reload = false) => {
    try {
      const status = await sendMessage(reload ? 'background:reload-model' : 'background:model-status');
      setStatus(status);
      setChoice(await modelChoice());
      setCorrections((await listCorrections()).length);
      setFiles(await modelFilesInUse(status));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void refresh(), []);

  return { status, choice, files, corrections, error, refresh, dismissError: () => setError(undefined) };
}
