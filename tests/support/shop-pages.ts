/**
 * Two local servers for the journeys: a shop page on one port, and on another port images served
 * without CORS headers (a CDN that a page script could not read). Every kind of picture source the
 * content script must resolve, and every kind of bad input, has its element on the page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { renderTestImage } from '../../lib/node/product-photos';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { decompressionBomb } from '../../lib/testing/decompression-bomb';
import { renderWatch } from './non-garments';

export interface ShopPages {
  url: string;
  /**
   * The same shop under a name on the public internet (`shop.example`, which the test browser maps to
   * this machine: tests/support/extension.ts), for the rules that depend on where a page is.
   */
  publicUrl: string;
  cdnUrl: string;
  /** Every path asked of the shop's server, in order. */
  requested: string[];
  /** Test-set index and label of each Fashion-MNIST picture on the page, by element id. */
  labels: Record<string, number>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startShopPages(): Promise<ShopPages> {
  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: 50 });
  const photo = (i: number, size = 400) => renderTestImage(test.images.subarray(i * PIXELS, (i + 1) * PIXELS), size);
  // Test images 0..3 are an ankle boot, a pullover, a trouser and a trouser; 8 is a sandal.
  const images: Record<string, { type: string; body: Buffer }> = {
    '/img/boot.png': { type: 'image/png', body: await photo(0) },
    '/img/boot-300.png': { type: 'image/png', body: await photo(0, 300) },
    '/img/pullover.jpg': { type: 'image/jpeg', body: await sharp(await photo(1, 1000)).jpeg().toBuffer() },
    '/img/trouser-small.png': { type: 'image/png', body: await photo(2, 60) },
    '/img/trouser-large.png': { type: 'image/png', body: await photo(2, 600) },
    '/img/sandal.png': { type: 'image/png', body: await photo(8) },
    '/img/watch.png': { type: 'image/png', body: await renderWatch() },
    '/img/corrupt.jpg': { type: 'image/jpeg', body: (await sharp(await photo(3)).jpeg().toBuffer()).subarray(0, 300) },
    '/img/not-an-image': { type: 'text/html', body: Buffer.from('<!doctype html><p>A web page</p>') },
  };
  const labels: Record<string, number> = { same: test.labels[0], cross: test.labels[1], srcset: test.labels[2], background: test.labels[8] };
  const dataUrl = `data:image/png;base64,${(await photo(8, 200)).toString('base64')}`;

  let huge: Buffer | undefined; // about 50 megapixels, made on first request
  const cdn = createServer(async (req, res) => {
    if (req.url === '/img/huge.jpg') huge ??= await sharp(await photo(0, 1000)).resize(7100, 7100).jpeg({ quality: 70 }).toBuffer();
    const image = req.url === '/img/huge.jpg' ? { type: 'image/jpeg', body: huge! } : images[req.url ?? ''];
    // No Access-Control-Allow-Origin: only the extension's host permission lets it read these.
    if (image) res.writeHead(200, { 'content-type': image.type }).end(image.body);
    else res.writeHead(404).end();
  });
  const cdnUrl = await listen(cdn);

  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Test shop</title>
<style>img, div.bg { width: 200px; height: 200px; display: inline-block; margin: 4px; }</style></head><body>
<img id="same" src="/img/boot.png" alt="">
<img id="cross" src="${cdnUrl}/img/pullover.jpg" alt="">
<img id="srcset" src="/img/trouser-small.png" srcset="/img/trouser-small.png 60w, /img/trouser-large.png 600w" sizes="60px" alt="">
<div id="background" class="bg" style="background-image: url('/img/sandal.png'); background-size: cover"></div>
<img id="data" src="${dataUrl}" alt="">
<img id="blob" alt="">
<img id="missing" src="/img/missing.png" alt="">
<img id="html" src="/img/not-an-image" alt="">
<img id="corrupt" src="/img/corrupt.jpg" alt="">
<img id="huge" src="${cdnUrl}/img/huge.jpg" alt="">
<img id="watch" src="/img/watch.png" alt="">
<img id="bomb" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/bomb.png" alt="">
<script>
  fetch('/img/boot.png').then((r) => r.blob()).then((b) => { document.getElementById('blob').src = URL.createObjectURL(b); });
</script>
</body></html>`;

  let bomb: Buffer | undefined; // made on first request: it takes a couple of seconds
  const requested: string[] = [];
  const shop = createServer((req, res) => {
    requested.push(req.url ?? '');
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://shop');
    const image = images[pathname]; // a query (as in ?forged=…) names the same picture
    const redirect = searchParams.get('to');
    // The same page at more addresses (/again, /again?tab=3…), for more tabs the tests can tell apart.
    if (req.url === '/' || pathname === '/again') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    // A slow site: the boot after `after` ms (at most 10 s).
    else if (pathname === '/img/slow.png') {
      const after = Math.min(10_000, Number(searchParams.get('after')) || 0);
      setTimeout(() => res.writeHead(200, { 'content-type': 'image/png' }).end(images['/img/boot.png'].body), after);
    } else if (image) res.writeHead(200, { 'content-type': image.type }).end(image.body);
    else if (req.url?.startsWith('/redirect?') && redirect) res.writeHead(302, { location: redirect }).end();
    else if (req.url === '/img/bomb.png') res.writeHead(200, { 'content-type': 'image/png' }).end((bomb ??= decompressionBomb()));
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  const url = await listen(shop);
  return {
    url: `${url}/`,
    publicUrl: `${url.replace('127.0.0.1', 'shop.example')}/`,
    cdnUrl,
    requested,
    labels,
    close: async () => {
      await Promise.all([shop, cdn].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}
