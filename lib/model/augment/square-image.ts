/** The 28x28 image augmentation works on: a light garment on black, values in [0, 1]. */
import { IMAGE_SIZE } from '../../classes';

export const SIDE = IMAGE_SIZE;
/** The image's centre, in the coordinates of pixel centres. */
export const CENTRE = (SIDE - 1) / 2;
