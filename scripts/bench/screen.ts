/**
 * `npm run bench:screen`: reading a picture's file against reading it from the screen, on the same
 * Fashion-MNIST test pictures (400 px files shown at 240 px) in headless Chromium with the built
 * extension, warm. "File" is a plain <img>; "screen" is the same picture behind hotlink protection
 * (the extension's read gets a 403, so it captures the tab and crops the picture). For each: the
 * median time from the menu click to the answer card, and how many answers name the true garment.
 *
 *   npm run bench:screen -- [--pictures N] [--json]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { CLASS_NAMES, PIXELS } from '../../lib/classes';
import { loadSplit } from '../../lib/data/shards';
import { answerCards } from '../../tests/support/answer-cards';
import { launchWithExtension } from '../../tests/support/extension';
import { renderTestImage } from '../../lib/node/product-photos';
import { SHARD_DIR, readFromDir } from '../../lib/node/fashion-mnist';
import { JSON_OPTION, printFigures, rounded } from '../support/bench-output';
import { numberOption, runCli } from '../support/run-cli';
import { median } from '../support/stats';

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { pictures: { type: 'string', default: '20' }, ...JSON_OPTION } });
  const count = numberOption('pictures', args.pictures, { whole: true, min: 1 });

  const test = await loadSplit(readFromDir(SHARD_DIR), 'test', { limit: count });
  const photos = await Promise.all(Array.from({ length: count }, (_, i) => renderTestImage(test.images.subarray(i * PIXELS, (i + 1) * PIXELS), 400)));
  let pageOrigin = '';
  const server = createServer((req, res) => {
    const photo = /^\/(open|hotlink)\/(\d+)\.png$/.exec(req.url ?? '');
    const allowed = photo?.[1] === 'open' || (req.headers.referer ?? '').startsWith(pageOrigin);
    if (photo && allowed) res.writeHead(200, { 'content-type': 'image/png' }).end(photos[Number(photo[2])]);
    else if (photo) res.writeHead(403).end();
    else {
      const [, way, i] = /^\/(open|hotlink)\/(\d+)$/.exec(req.url ?? '') ?? [];
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<body style="margin:0"><img id="product" src="/${way}/${i}.png" style="width:240px;height:240px;margin:40px">`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  pageOrigin = url;

  const extension = await launchWithExtension();
  const page = await extension.context.newPage();
  const devtools = await extension.context.newCDPSession(page);

  /** The card's closed root hides it from the page: its state changes are seen through DevTools (as in bench/e2e.ts). */
  let settled: ((card: { at: number; state: string }) => void) | undefined;
  const stateOf = (attributes: string[] = []) => attributes[attributes.indexOf('data-state') + 1];
  devtools.on('DOM.childNodeInserted', ({ node }) => {
    const root = node.nodeName === 'GARMENT-SCOUT-ANSWER' ? node.shadowRoots?.[0] : undefined;
    if (root) void devtools.send('DOM.requestChildNodes', { nodeId: root.nodeId, depth: -1, pierce: true });
  });
  devtools.on('DOM.setChildNodes', ({ nodes }) => {
    const state = nodes.map((n) => stateOf(n.attributes)).find((s) => s === 'answer' || s === 'error');
    if (state) settled?.({ at: Date.now(), state });
  });
  devtools.on('DOM.attributeModified', ({ name, value }) => {
    if (name === 'data-state' && value !== 'pending') settled?.({ at: Date.now(), state: value });
  });

  /** Right-click, menu click, answer: the milliseconds from the menu click and the card's text. */
  async function classify(way: 'open' | 'hotlink', i: number): Promise<{ ms: number; text: string }> {
    await page.goto(`${url}${way}/${i}`);
    await page.locator('#product').click({ button: 'right' });
    await devtools.send('DOM.getDocument', { depth: -1, pierce: true });
    const shown = new Promise<{ at: number; state: string }>((resolve) => (settled = resolve));
    const worker = await extension.serviceWorker();
    const clicked = await worker.evaluate(async ({ pageUrl, srcUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      const info = { menuItemId: 'classify-garment', editable: false, frameId: 0, pageUrl, srcUrl, mediaType: 'image' };
      const at = Date.now();
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: object, t: object): void }).dispatch(info, tab);
      return at;
    }, { pageUrl: page.url(), srcUrl: `${url}${way}/${i}.png` });
    const { at } = await shown;
    return { ms: at - clicked, text: (await answerCards(page)).at(-1)?.text ?? '' };
  }

  await classify('open', 0); // warm up: the offscreen document and the model load
  await classify('hotlink', 0);
  const results = { open: { ms: [] as number[], right: 0, screen: 0 }, hotlink: { ms: [] as number[], right: 0, screen: 0 } };
  for (let i = 0; i < count; i++) {
    for (const way of ['open', 'hotlink'] as const) {
      const { ms, text } = await classify(way, i);
      results[way].ms.push(ms);
      if (text.startsWith(`${CLASS_NAMES[test.labels[i]]} · `)) results[way].right++;
      if (text.includes('read from the screen')) results[way].screen++;
      // Chrome allows two captures a second: spacing them keeps the quota's wait out of the times.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await extension.close();
  server.close();

  const figuresOf = (r: typeof results.open) => ({ warmMs: rounded(median(r.ms)), right: r.right, fromScreen: r.screen });
  const figures = { pictures: count, file: figuresOf(results.open), screen: figuresOf(results.hotlink) };
  printFigures(args.json, figures, (f) => {
    const row = (name: string, r: typeof f.file) =>
      `  ${name.padEnd(30)} median ${String(r.warmMs).padStart(4)} ms   right ${r.right}/${count}   from the screen ${r.fromScreen}/${count}`;
    console.log(`Click to answer, warm, ${count} Fashion-MNIST test pictures (400 px files shown at 240 px):`);
    console.log(row('file (plain <img>)', f.file) + '   target < 100 ms');
    console.log(row('screen (403, then screenshot)', f.screen) + '   target < 300 ms');
  });
}

await runCli(main);
