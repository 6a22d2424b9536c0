import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n';

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface Props {
  onImage: (dataUrl: string, name: string) => void;
  /** A file that is plainly not a picture, said in words. */
  onRefused: (message: string) => void;
  busy: boolean;
}

/** Pick (with a button, so the keyboard reaches it), drop or paste an image file; hands it on as a data URL. */
export function FilePicker({ onImage, onRefused, busy }: Props) {
  const [over, setOver] = useState(false);
  const take = async (file: File | null | undefined) => {
    if (!file) return;
    const name = file.name || t('filePasted');
    if (file.type && !file.type.startsWith('image/')) {
      onRefused(t('error_notImage', { name }));
      return;
    }
    // A file the system gave no type is sent as an image of unknown type: the decoder tells what it is.
    onImage(await readAsDataUrl(file.type ? file : new Blob([file], { type: 'image/unknown' })), name);
  };
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => void take([...(e.clipboardData?.files ?? [])][0]);
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });
  const input = useRef<HTMLInputElement>(null);
  return (
    // The drop zone is for the mouse; the button opens the same file chooser from the keyboard.
    <div
      class={`drop ${over ? 'over' : ''}`}
      data-testid="file-drop"
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer?.files[0]);
      }}
    >
      <button type="button" class="primary" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('cardClassifying') : t('fileClassify')}
      </button>
      <span class="muted small">{t('fileDrop')}</span>
      <input ref={input} type="file" accept="image/*" hidden onChange={(e) => void take(e.currentTarget.files?.[0])} />
    </div>
  );
}
