import { defineConfig } from 'wxt';

// See the README for why each permission is asked for.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Garment Scout',
    description: 'Right-click a product image to learn what kind of garment it shows. Runs on your machine.',
    permissions: ['contextMenus', 'offscreen', 'storage', 'unlimitedStorage'],
    host_permissions: ['<all_urls>'],
    content_security_policy: {
      // TF.js runs its kernels in WebAssembly; MV3 refuses to compile it without this.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
