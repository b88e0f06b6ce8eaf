import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web; the server (src/server) serves dist/web in production
// and the dev script proxies /api to it.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The API server's port: PORT when set (as for `matchwise serve`), else the default.
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 5177}` },
  },
});
