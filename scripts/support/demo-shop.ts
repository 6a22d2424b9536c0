/** A local demo shop whose product pictures are Fashion-MNIST test images, served on 127.0.0.1. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { productPhotos } from '../../lib/node/product-photos';

export interface DemoShop {
  url: string;
  close(): Promise<void>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startDemoShop(port = Number(process.env.DEMO_PORT ?? 0)): Promise<DemoShop> {
  const photos = await productPhotos();
  const cards = photos
    .map((p, i) => `<figure><img src="/products/${i}.png" alt="Product ${i + 1}" width="280" height="280"><figcaption>Item ${i + 1}</figcaption></figure>`)
    .join('\n');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
<style>body{font-family:sans-serif;margin:2rem}main{display:grid;grid-template-columns:repeat(auto-fill,300px);gap:1rem}figure{margin:0}</style></head>
<body><h1>Demo shop</h1><p>${escapeHtml('Right-click a picture and choose "Classify garment".')}</p><main>${cards}</main></body></html>`;

  const server: Server = createServer((req, res) => {
    const product = /^\/products\/(\d+)\.png$/.exec(req.url ?? '');
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (product && photos[Number(product[1])]) {
      res.writeHead(200, { 'content-type': 'image/png' }).end(photos[Number(product[1])].png);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
