import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// Two pages, served by the API (src/server/explorer.ts): /explore and /graphiql. Everything is
// bundled locally; nothing is fetched from a CDN at run time.
export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      input: {
        explore: fileURLToPath(new URL('index.html', import.meta.url)),
        graphiql: fileURLToPath(new URL('graphiql.html', import.meta.url)),
      },
      // GraphiQL's dependencies mark modules "use client" (meaningless in a plain bundle), and
      // Rolldown reports plugin timings on slow machines: neither is actionable here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'PLUGIN_TIMINGS') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
