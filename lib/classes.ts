import { t, type MessageKey } from './i18n';

/**
 * The model's classes, in the order of its output (the Fashion-MNIST label order). These English
 * names are data (stored answers, exports, the CLI); `className()` is what a person reads.
 */
export const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

export type ClassName = (typeof CLASS_NAMES)[number];

/** The class's name in the UI language. */
export const className = (index: number): string => t(`class_${index}` as MessageKey);

export const IMAGE_SIZE = 28;
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;

/**
 * The training label of a picture of none of the 10 kinds (outlier exposure): its target is the
 * uniform distribution over the classes, so the model learns to be unsure on such pictures.
 */
export const OUTLIER = 255;
