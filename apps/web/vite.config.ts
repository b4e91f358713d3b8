import { defineConfig } from 'vite';

// React's JSX is compiled by Vite's own transformer; no plugin is needed for a production build.
export default defineConfig({
  server: {
    port: 5173,
    // In development the API runs separately (npm run dev); the page talks to it through this proxy.
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // Which scripts each page needs: read by scripts/route-sizes.mjs to hold the first load to its budget.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // Libraries mark files "use client" for server-rendering frameworks; it means nothing here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
