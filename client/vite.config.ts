import path from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = import.meta.dirname;

export default defineConfig({
  root,
  // Vant components and only their CSS are imported explicitly from src/ui/vant.ts and components/staff/vant.ts.
  plugins: [vue()],
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
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/q': 'http://127.0.0.1:3000' },
  },
});
