import path from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { formSchemas } from './build-plugins/form-schemas.ts';
import { precompress } from './build-plugins/precompress.ts';
import { serviceWorker } from './build-plugins/service-worker.ts';

const root = import.meta.dirname;
/** Modules under client/src/ whose path (with / as separator) starts with one of `prefixes`. */
const under = (...prefixes: string[]) => (id: string) => {
  const relative = id.replaceAll('\\', '/').split('/client/src/')[1];
  return relative !== undefined && prefixes.some((prefix) => relative.startsWith(prefix));
};

export default defineConfig({
  root,
  plugins: [
    // Vant components and only their CSS are imported explicitly from src/ui/vant.ts and components/staff/vant.ts.
    vue(),
    formSchemas(),
    // The resident pages' offline copy.
    serviceWorker(path.join(root, 'service-worker', 'sw.js')),
    precompress(),
  ],
  resolve: {
    alias: { '@shared': path.resolve(root, '..', 'shared') },
  },
  build: {
    outDir: path.resolve(root, 'dist'),
    emptyOutDir: true,
    // WeChat's X5/XWeb browsers on older Android are Chromium 86+.
    target: ['chrome86', 'safari13'],
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // Read by the server to name the inner pages' code in their HTML (server/render/inner-page-preload.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // On a 2-second round trip every file costs more than its bytes. The landing's code is one file;
        // the resident's inner pages (questions, result, contact, sent, report, tracking) and what they use are a
        // second, so a deep link needs a handful of requests. Staff and admin pages are split as Rolldown
        // sees fit; the service worker never stores them.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 4 },
            // The offline queue starts on every page after the first paint: small, so its own file.
            { name: 'queue', test: /composables[\\/]useOfflineQueue/, priority: 3 },
            { name: 'charts', test: /node_modules[\\/](?:echarts|zrender)[\\/]|components[\\/]admin[\\/]echarts/, priority: 3 },
            { name: 'resident', test: under('pages/resident/', 'pages/report/', 'pages/track/', 'lib/resume.ts'), priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/q': 'http://127.0.0.1:3000' },
  },
});
