/**
 * A demo catalogue for the page scan: a grid of product pictures (Fashion-MNIST test images rendered as
 * product photos, as on the demo shop) among page furniture a shop has too (a banner, a logo, a hero
 * picture in CSS, a landscape, icons). Its pages:
 * - `/catalogue`: the products, the furniture, and an infinite scroll that adds 20 products at the bottom;
 *   `?stuck=URL` adds one product whose picture is at URL (a site that never answers), for the extension
 *   alone to ask for (a lazy loader's `data-src`);
 * - `/many`: 1,000 product pictures, one under another in a grid;
 * - `/plain`: a page with no pictures, to go to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { renderTestImage } from '../../lib/node/product-photos';

export interface CataloguePages {
  url: string;
  /** The products on `/catalogue` before any scrolling. */
  products: number;
  /** Furniture pictures on `/catalogue`, and how many of them are large enough to be scanned. */
  furniture: number;
  largeFurniture: number;
  /** Products the infinite scroll adds. */
  added: number;
  /** The Fashion-MNIST label of product `i` (its element id is `p{i}`). */
  labelOf(i: number): number;
  close(): Promise<void>;
}

/** Distinct pictures; product i shows picture i % DISTINCT at an address of its own. */
const DISTINCT = 100;
const SIDE = 120;

const svg = (width: number, height: number, body: string) =>
  sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`)).png().toBuffer();

/** Page furniture: what a shop shows besides its products. */
async function furniturePictures(): Promise<Record<string, Buffer>> {
  const icon = (shape: string) => svg(32, 32, `<rect width="32" height="32" fill="#fff"/>${shape}`);
  return {
    banner: await svg(1000, 160, '<rect width="1000" height="160" fill="#c2185b"/><rect x="40" y="50" width="520" height="60" fill="#fff"/><circle cx="860" cy="80" r="60" fill="#ffca28"/>'),
    logo: await svg(120, 120, '<circle cx="60" cy="60" r="56" fill="#1a237e"/><path d="M30 75 L60 30 L90 75 Z" fill="#fff"/>'),
    hero: await svg(600, 160, '<rect width="600" height="160" fill="#00897b"/><rect x="30" y="30" width="300" height="24" fill="#e0f2f1"/><rect x="30" y="70" width="200" height="16" fill="#e0f2f1"/>'),
    landscape: await svg(400, 260, '<rect width="400" height="260" fill="#81d4fa"/><circle cx="320" cy="60" r="30" fill="#fff176"/><path d="M0 200 Q100 120 200 190 T400 170 V260 H0 Z" fill="#388e3c"/>'),
    cart: await icon('<path d="M4 6 H8 L12 22 H26 L29 10 H10" stroke="#333" fill="none" stroke-width="2"/>'),
    heart: await icon('<path d="M16 28 L4 15 A6 6 0 0 1 16 8 A6 6 0 0 1 28 15 Z" fill="#e53935"/>'),
    search: await icon('<circle cx="13" cy="13" r="8" stroke="#333" fill="none" stroke-width="3"/><path d="M19 19 L28 28" stroke="#333" stroke-width="3"/>'),
    user: await icon('<circle cx="16" cy="11" r="6" fill="#555"/><path d="M5 30 Q16 14 27 30 Z" fill="#555"/>'),
    star: await icon('<path d="M16 3 L20 12 L30 12 L22 18 L25 28 L16 22 L7 28 L10 18 L2 12 L12 12 Z" fill="#fbc02d"/>'),
    truck: await icon('<rect x="2" y="10" width="18" height="12" fill="#455a64"/><rect x="20" y="14" width="9" height="8" fill="#78909c"/>'),
    facebook: await svg(40, 40, '<rect width="40" height="40" rx="8" fill="#1877f2"/>'),
    instagram: await svg(40, 40, '<rect width="40" height="40" rx="10" fill="#c13584"/>'),
  };
}

const LARGE_FURNITURE = ['banner', 'logo', 'hero', 'landscape'];
const PLACEHOLDER = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

const STYLE = `<style>
body { margin: 8px; font: 14px sans-serif; }
.grid { display: flex; flex-wrap: wrap; gap: 8px; }
.grid img { width: ${SIDE}px; height: ${SIDE}px; }
.hero { width: 600px; height: 160px; background: url('/f/hero.png') center / cover; }
.icons img { width: 32px; height: 32px; }
.social img { width: 40px; height: 40px; }
</style>`;

const productImg = (i: number) => `<img id="p${i}" src="/p/${i}.png" alt="Product ${i}">`;

function cataloguePage(products: number, added: number, stuck?: string): string {
  const stuckImg = stuck ? `<img id="stuck" src="${PLACEHOLDER}" data-src="${stuck.replace(/"/g, '&quot;')}" alt="">` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Catalogue</title>${STYLE}</head><body>
<header><img id="logo" src="/f/logo.png" width="120" height="120" alt="Shop">
<span class="icons">${['cart', 'heart', 'search', 'user', 'star', 'truck'].map((n) => `<img src="/f/${n}.png" alt="${n}">`).join('')}</span></header>
<h1 id="title">New in</h1>
<img id="banner" src="/f/banner.png" width="1000" height="160" alt="Sale">
<div class="grid" id="grid">${stuckImg}${Array.from({ length: products }, (_, i) => productImg(i)).join('')}</div>
<div class="hero" id="hero"></div>
<img id="landscape" src="/f/landscape.png" width="400" height="260" alt="">
<footer class="social"><img src="/f/facebook.png" alt="f"><img src="/f/instagram.png" alt="i"></footer>
<div id="end" style="height: 1px"></div>
<script>
  // Infinite scroll, once: reaching the end adds ${added} products to the grid.
  const img = (n) => '<img id="p' + n + '" src="/p/' + n + '.png" alt="Product ' + n + '">';
  let next = ${products};
  new IntersectionObserver((entries, observer) => {
    if (!entries[0].isIntersecting) return;
    observer.disconnect();
    const grid = document.getElementById('grid');
    for (let i = 0; i < ${added}; i++, next++) grid.insertAdjacentHTML('beforeend', img(next));
  }).observe(document.getElementById('end'));
</script></body></html>`;
}

const manyPage = (count: number) => `<!doctype html><html><head><meta charset="utf-8"><title>Many</title>${STYLE}</head><body>
<div class="grid">${Array.from({ length: count }, (_, i) => productImg(i)).join('')}</div></body></html>`;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startCataloguePages({ products = 60, added = 20 } = {}): Promise<CataloguePages> {
  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: DISTINCT });
  const photos = await Promise.all(Array.from({ length: DISTINCT }, (_, i) => renderTestImage(test.images.subarray(i * PIXELS, (i + 1) * PIXELS), 240)));
  const furniture = await furniturePictures();
  const server = createServer((req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://catalogue');
    const product = /^\/p\/(\d+)\.png$/.exec(pathname);
    const piece = /^\/f\/(\w+)\.png$/.exec(pathname);
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html' }).end(body);
    if (pathname === '/catalogue') html(cataloguePage(products, added, searchParams.get('stuck') ?? undefined));
    else if (pathname === '/many') html(manyPage(1000));
    else if (pathname === '/plain') html('<!doctype html><title>Plain</title><p>No pictures here.</p>');
    else if (product) res.writeHead(200, { 'content-type': 'image/png' }).end(photos[Number(product[1]) % DISTINCT]);
    else if (piece && furniture[piece[1]]) res.writeHead(200, { 'content-type': 'image/png' }).end(furniture[piece[1]]);
    else res.writeHead(404).end();
  });
  const url = await listen(server);
  return {
    url,
    products,
    furniture: Object.keys(furniture).length,
    largeFurniture: LARGE_FURNITURE.length,
    added,
    labelOf: (i) => test.labels[i % DISTINCT],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
