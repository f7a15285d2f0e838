import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web front end: src/web → dist/web (served by `gtcm serve`). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'vendor-react';
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'vendor-echarts';
          return 'vendor-antd';
        },
      },
    },
  },
  server: {
    proxy: {
      // `gtcm serve` listens on 3000 by default; GTCM_API_URL points the dev server elsewhere.
      // A RegExp key, so that the module /api.ts itself is not proxied.
      '^/api/': { target: process.env.GTCM_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
