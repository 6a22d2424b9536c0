import { useEffect, useState } from 'preact/hooks';

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Pick, drop or paste an image file; hands it on as a data URL. */
export function FilePicker({ onImage, busy }: { onImage: (dataUrl: string, name: string) => void; busy: boolean }) {
  const [over, setOver] = useState(false);
  const take = async (file: File | null | undefined) => {
    if (file) onImage(await readAsDataUrl(file), file.name || 'pasted image');
  };
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => void take([...(e.clipboardData?.files ?? [])][0]);
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });
  return (
    <label
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
      {busy ? 'Classifying…' : 'Drop, paste or pick an image to classify'}
      <input type="file" accept="image/*" hidden onChange={(e) => void take(e.currentTarget.files?.[0])} />
    </label>
  );
}
