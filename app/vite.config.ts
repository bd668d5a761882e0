import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { lib0Patches } from './build/lib0-patches-plugin.js';

const THEME_COLOR = '#0f766e';

export default defineConfig({
  publicDir: '../public',
  resolve: {
    // `@tally/schema` is consumed as TypeScript source, so the app never waits on its build.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The first visit's real budget is 170 KiB gzipped (docs/app.md#budgets), checked by `npm run bench`.
    chunkSizeWarningLimit: 700,
  },
  // The workers are started as module workers (`type: 'module'`): bundled as such, they carry no
  // wrappers for the lazily loaded sync code they import and never run.
  worker: { format: 'es', plugins: () => [lib0Patches()] },
  plugins: [
    lib0Patches(),
    react(),
    VitePWA({
      // The service worker is Tally's own (sw/sw.ts): precaching as before, plus push.
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      // Registered by the app through workbox-window, which also drives the update prompt.
      injectRegister: false,
      includeAssets: ['apple-touch-icon.png'],
      manifest: {
        name: 'Tally',
        short_name: 'Tally',
        description: 'An expense tracker that works offline and keeps your devices in sync.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: THEME_COLOR,
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
      },
    }),
  ],
});
