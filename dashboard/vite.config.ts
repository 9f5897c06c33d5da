import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The built app is packaged into the dashboard jar and served by the launcher on port 3000,
// which also forwards /api to the api service, so the app only ever calls its own origin.
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: { outDir: 'target/classes/dashboard', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:8088', '/services': 'http://127.0.0.1:3000' } },
  test: { environment: 'jsdom', globals: true, include: ['src/**/*.test.{ts,tsx}'] },
});
