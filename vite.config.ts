import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    // From the files as written: a chunk's code in generateBundle still holds Vite's __VITE_PRELOAD__ placeholder,
    // which Vite fills in later, so copies made there broke every lazily loaded page.
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const bytes = readFileSync(join(dir, fileName));
        if (bytes.length < 1024) continue;
        writeFileSync(
          join(dir, `${fileName}.br`),
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(join(dir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
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
