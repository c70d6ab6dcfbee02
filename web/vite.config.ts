// Builds the console into dist/, which `vigil serve` serves at `/`.
// JSX is compiled by esbuild (tsconfig "jsx": "react-jsx"); no plugin needed.
// In development, `VIGIL_URL=http://127.0.0.1:8000 npm run dev` proxies the
// API to a running `vigil serve`.
import { defineConfig } from 'vite';

const api = process.env.VIGIL_URL ?? 'http://127.0.0.1:8000';
const apiPrefixes = [
  '/match', '/search', '/entities', '/catalog', '/healthz', '/readyz', '/openapi.json',
  '/screenings', '/batches', '/alerts', '/cases', '/audit', '/stats', '/whoami', '/keys',
  '/admin', '/metrics',
];

export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: { manualChunks: { charts: ['recharts'], react: ['react', 'react-dom', 'react-router'] } },
      // Libraries mark their modules "use client" for server rendering; it
      // means nothing in a browser-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: Object.fromEntries(apiPrefixes.map((p) => [p, api])) },
});
