import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);
const tfjsWasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
// Only the SIMD build: every Chrome with the offscreen API (109+) has WebAssembly SIMD, threads are
// off (lib/tf/backend.ts), and our own training kernel needs SIMD too.
const TFJS_WASM_FILES = ['tfjs-backend-wasm-simd.wasm'];

// The README says why each permission is asked for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Garment Scout',
    description: 'Right-click a product image to learn what kind of garment it shows. Runs on your machine.',
    minimum_chrome_version: '109', // chrome.offscreen
    permissions: ['contextMenus', 'offscreen', 'storage'],
    host_permissions: ['<all_urls>'],
    content_security_policy: {
      // TF.js runs its kernels in WebAssembly, which MV3 refuses to compile without this.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
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
