import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);
const tfjsWasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
// Only the SIMD build: every Chrome with the offscreen API (109+) has WebAssembly SIMD, threads are
// off (lib/tf/backend.ts), and our own training kernel needs SIMD too.
const TFJS_WASM_FILES = ['tfjs-backend-wasm-simd.wasm'];

/**
 * Firefox's settings: the id addons.mozilla.org and the tests know the add-on by; 140 (the ESR of
 * 2025) is the first Firefox that reads data_collection_permissions, and nothing leaves the machine.
 */
const GECKO = {
  gecko: {
    id: 'garment-scout@garment-scout.example',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
};

// The README says why each permission is asked for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // The toolbar, store and chrome://extensions icons, drawn once in SVG and made at 16-128 px at build time.
  autoIcons: { baseIconPath: 'assets/icon.svg' },
  // Firefox too in MV3: the same manifest but for what each browser has (see GECKO below).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    // The words are in public/_locales (English and German); lib/i18n.ts reads them in the extension.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    host_permissions: ['<all_urls>'],
    action: { default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' } },
    // A way to classify without a mouse: the picture in focus, or under the mouse.
    commands: {
      'classify-picture': { suggested_key: { default: 'Alt+Shift+G' }, description: '__MSG_commandClassify__' },
      'classify-page': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandClassifyPage__' },
    },
    content_security_policy: {
      // TF.js runs its kernels in WebAssembly, which MV3 refuses to compile without this.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    ...(browser === 'firefox'
      ? // No offscreen API there: the classifier page runs in the background event page (entrypoints/background/classifier-iframe.ts).
        { permissions: ['contextMenus', 'storage'], browser_specific_settings: GECKO }
      : // sidePanel: the page scan's panel, and opening it from the popup (chrome.sidePanel.open is 116+).
        { permissions: ['contextMenus', 'offscreen', 'storage', 'sidePanel'], minimum_chrome_version: '116' }),
  }),
  hooks: {
    // Ship the WASM binaries with the extension: nothing is fetched from a CDN at run time.
    'build:publicAssets': (_, files) => {
      for (const name of TFJS_WASM_FILES) {
        files.push({ absoluteSrc: join(tfjsWasmDir, 'dist', name), relativeDest: `wasm/${name}` });
      }
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
