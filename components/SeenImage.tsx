import { useEffect, useRef } from 'preact/hooks';
import { IMAGE_SIZE } from '../lib/classes';
import { t } from '../lib/i18n';

/** The 28x28 picture the model saw (0..255, light on black), drawn pixel-sharp at `size` CSS pixels. */
export function SeenImage({ pixels, size = 56 }: { pixels: ArrayLike<number>; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const image = new ImageData(IMAGE_SIZE, IMAGE_SIZE);
    for (let i = 0; i < IMAGE_SIZE * IMAGE_SIZE; i++) {
      image.data.fill(pixels[i], i * 4, i * 4 + 3);
      image.data[i * 4 + 3] = 255;
    }
    canvas.current?.getContext('2d')?.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={canvas}
      class="seen"
      width={IMAGE_SIZE}
      height={IMAGE_SIZE}
      role="img"
      aria-label={t('seenLabel')}
      title={t('seenTitle')}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
    />
  );
}
