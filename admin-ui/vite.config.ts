import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The console is served by the Quarkus app under /admin/ (Quinoa); the staff API lives under /admin/api.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    // The app the dev server talks to (TOPUP_APP_URL, e.g. a bin/start on another port).
    proxy: { '/admin/api': process.env.TOPUP_APP_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
    // The packaging build shares two cores with other builds: a first render can take seconds there.
    testTimeout: 20_000,
  },
});
