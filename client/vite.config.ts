import path from 'node:path';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { VantResolver } from '@vant/auto-import-resolver';

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [
    vue(),
    // Vant components and their CSS are imported on demand, so the landing page carries only what it uses.
    Components({ resolvers: [VantResolver()], dts: false }),
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
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000', '/q': 'http://127.0.0.1:3000' },
  },
});
