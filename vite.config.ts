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
    rolldownOptions: {
      output: {
        // Pages are loaded per route (App.tsx). What every page needs from node_modules changes less often than
        // our code, so it is one chunk a browser keeps across releases; the map's geometry (the U.S. atlas,
        // topojson, d3-geo) is its own chunk, fetched only by the pages that draw a map.
        codeSplitting: {
          groups: [
            { name: 'map', test: /node_modules[\\/](us-atlas|topojson-client|d3-[a-z]+)[\\/]/ },
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/][a-z-]+)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // The API server's port: PORT when set (as for `matchwise serve`), else the default.
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 5177}` },
  },
});
