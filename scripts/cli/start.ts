/**
 * `npm start`: builds the extension and opens Chromium with it loaded on the demo shop, where a
 * display exists; without one it says how to load the build by hand.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoShop } from '../support/demo-shop';
import { refuseArguments, runCli, UserError } from '../support/run-cli';

const EXTENSION_DIR = new URL('../../.output/chrome-mv3', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The extension's build, into .output/chrome-mv3; WXT prints its own errors. */
function build(): void {
  try {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  } catch {
    throw new UserError('The build failed: its errors are above.');
  }
}

async function main(): Promise<void> {
  refuseArguments();
  build();
  const shop = await startDemoShop();
  console.log(`\nDemo shop: ${shop.url}`);
  console.log(`Extension build: .output/chrome-mv3 (chrome://extensions → Developer mode → Load unpacked)`);

  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
    const profile = mkdtempSync(join(tmpdir(), 'garment-scout-demo-'));
    const browser = spawn(
      CHROMIUM,
      [
        `--user-data-dir=${profile}`,
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-first-run',
        shop.url,
      ],
      { stdio: 'ignore' },
    );
    browser.on('exit', () => shop.close());
    console.log('Right-click a product picture and choose “Classify garment”. Close Chromium to stop.');
  } else {
    console.log('No display here: open the demo shop in a Chrome that has the build loaded. Ctrl+C stops.');
  }
}

await runCli(main);
