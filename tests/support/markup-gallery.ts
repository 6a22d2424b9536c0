/**
 * Shop markup as real shops write it, one page per pattern, each with one product picture (`#target`,
 * the element the card must sit on) of a known Fashion-MNIST garment. Two servers: the shop, and a
 * CDN on another port that answers 403 to whoever comes without the shop's Referer (hotlink
 * protection) and sends no CORS headers. Pictures in the formats each pattern needs: PNG, JPEG, WebP,
 * AVIF (sharp), JPEG 2000 and HEIC files Chromium cannot decode, a 1x1 spacer, a sprite sheet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { CLASS_NAMES, PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { renderTestImage } from '../../lib/node/product-photos';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { markupPatterns, type Garment } from './markup-patterns';

/** Test-set pictures the shipped model names right: an ankle boot, a pullover, a trouser, a sandal. */
const TEST_INDEX: Record<Garment, number> = { boot: 0, pullover: 1, trouser: 2, sandal: 8 };
const SPACER_GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

export interface MarkupGallery {
  shopUrl: string;
  cdnUrl: string;
  /** The class name of each garment, as the card shows it. */
  label(garment: Garment): string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type Picture = { type: string; body: Buffer };

async function pictures(): Promise<{ files: Record<string, Picture>; labels: Record<Garment, string> }> {
  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: 10 });
  const files: Record<string, Picture> = { '/img/spacer.gif': { type: 'image/gif', body: SPACER_GIF } };
  const labels = {} as Record<Garment, string>;
  const tiles: Buffer[] = [];
  for (const [garment, index] of Object.entries(TEST_INDEX) as [Garment, number][]) {
    labels[garment] = CLASS_NAMES[test.labels[index]];
    const photo = (size: number) => renderTestImage(test.images.subarray(index * PIXELS, (index + 1) * PIXELS), size);
    const png = await photo(400);
    tiles.push(await photo(300));
    files[`/img/${garment}.png`] = { type: 'image/png', body: png };
    files[`/img/${garment}.jpg`] = { type: 'image/jpeg', body: await sharp(png).jpeg().toBuffer() };
    files[`/img/${garment}.webp`] = { type: 'image/webp', body: await sharp(png).webp().toBuffer() };
    files[`/img/${garment}-400.avif`] = { type: 'image/avif', body: await sharp(png).avif().toBuffer() };
    files[`/img/${garment}-1600.avif`] = { type: 'image/avif', body: await sharp(await photo(1600)).avif().toBuffer() };
    files[`/img/${garment}-blur.jpg`] = { type: 'image/jpeg', body: await sharp(await photo(10)).jpeg().toBuffer() };
    // Bytes no Chromium decodes, under the types shops serve them as.
    files[`/img/${garment}.jp2`] = { type: 'image/jp2', body: Buffer.concat([Buffer.from('0000000c6a5020200d0a870a', 'hex'), png.subarray(0, 64)]) };
    files[`/img/${garment}.heic`] = { type: 'image/heic', body: Buffer.concat([Buffer.from('0000001866747970686569630000', 'hex'), png.subarray(0, 64)]) };
  }
  // A 2x2 sprite sheet of 300 px tiles: boot, pullover / trouser, sandal.
  const sheet = await sharp({ create: { width: 600, height: 600, channels: 3, background: '#fff' } })
    .composite(tiles.map((input, i) => ({ input, left: (i % 2) * 300, top: Math.floor(i / 2) * 300 })))
    .png()
    .toBuffer();
  files['/img/sprite.png'] = { type: 'image/png', body: sheet };
  return { files, labels };
}

export async function startMarkupGallery(): Promise<MarkupGallery> {
  const { files, labels } = await pictures();
  let shopUrl = '';
  // The CDN: pictures for the shop's pages only (Referer), or for its signed-in shoppers (cookie).
  const cdn = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://cdn');
    const protectedFile = /^\/(hotlink|members)(\/img\/.*)$/.exec(pathname);
    const file = files[protectedFile ? protectedFile[2] : pathname];
    const allowed =
      !protectedFile ||
      (protectedFile[1] === 'hotlink' && (req.headers.referer ?? '').startsWith(shopUrl)) ||
      (protectedFile[1] === 'members' && /(^|;\s*)session=shopper/.test(req.headers.cookie ?? ''));
    if (file && allowed) res.writeHead(200, { 'content-type': file.type, 'cache-control': 'max-age=600' }).end(file.body);
    else res.writeHead(file ? 403 : 404, { 'content-type': 'text/plain' }).end(file ? 'forbidden' : 'not found');
  });
  const cdnUrl = await listen(cdn);
  const pages = markupPatterns(cdnUrl);
  const shop = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://shop');
    const file = files[pathname];
    const page = /^\/(case|frame)\/(.+)$/.exec(pathname);
    const pattern = page && pages.find((p) => p.name === page[2]);
    const html = pattern && (page![1] === 'case' ? pattern.html : pattern.frameHtml);
    if (file) res.writeHead(200, { 'content-type': file.type, 'cache-control': 'max-age=600' }).end(file.body);
    // Signed in: the session cookie goes with the page's own requests to the CDN (same site), not with the extension's.
    else if (html) res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': 'session=shopper; Path=/' }).end(document(html));
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  shopUrl = `${await listen(shop)}/`;
  return {
    shopUrl,
    cdnUrl,
    label: (garment) => labels[garment],
    close: async () => void (await Promise.all([shop, cdn].map((s) => new Promise((resolve) => s.close(resolve))))),
  };
}

const document = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<style>body { margin: 0; font: 14px sans-serif; } .product { position: relative; width: 240px; height: 240px; margin: 40px; }</style>
</head><body>${body}</body></html>`;
