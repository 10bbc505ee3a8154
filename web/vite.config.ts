import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @cinegraph/web` serves the app with hot reload against a running gateway
// (free-form queries, client name `web-dev`); `npm run build` makes the production bundle
// that `npm start` serves (persisted query ids only, client name `web`).
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
});
