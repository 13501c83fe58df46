import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web; `npm start` serves the build in dist/web from the same server as the API.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Caseworkers use slow phones: target current browsers only and report gzip sizes on every build.
    target: 'es2022',
    reportCompressedSize: true,
    rollupOptions: {
      output: {
        // Libraries change less often than Ruta: keep them in their own files so a deploy of Ruta's code does
        // not make phones download React and Mantine again.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: {
    port: 4173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
