import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Libraries every page needs (the shell): one long-cached chunk. */
const SHELL_LIBRARIES =
  /node_modules\/(@mantine\/(core|hooks)|@floating-ui|react-router|@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|clsx|react-remove-scroll[\w-]*|react-style-singleton|use-callback-ref|use-sidecar|get-nonce|tslib|detect-node-es|react-number-format|react-textarea-autosize|use-isomorphic-layout-effect|use-composed-ref|use-latest|cookie|set-cookie-parser|turbo-stream)\//;

/**
 * Writes a Brotli and a gzip copy beside every text file of the build, compressed once at the highest levels, so
 * the server sends slow phones a third of the bytes without compressing on every request.
 */
function precompressText(): Plugin {
  return {
    name: 'ruta-precompress-text',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(file.fileName)) continue;
        const source = file.type === 'chunk' ? file.code : file.source;
        const bytes = typeof source === 'string' ? Buffer.from(source) : Buffer.from(source);
        if (bytes.length < 1024) continue;
        this.emitFile({
          type: 'asset',
          fileName: `${file.fileName}.br`,
          source: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        });
        this.emitFile({
          type: 'asset',
          fileName: `${file.fileName}.gz`,
          source: gzipSync(bytes, { level: 9 }),
        });
      }
    },
  };
}

// The web app lives in src/web; `npm start` serves the build in dist/web from the same server as the API.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompressText()],
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
          // What every page needs; libraries only some pages use (charts, dates) stay with those pages' chunks.
          if (SHELL_LIBRARIES.test(id)) return 'vendor';
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
