import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Built by the Maven build (admin-api/pom.xml), which sets CONSOLE_OUT_DIR to
// target/classes/META-INF/resources/console: the service serves it at /console/ (same origin as the
// API: no CORS, no CDN; every asset is bundled). A plain `npm run build` writes to the same place.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR
      || fileURLToPath(new URL('../../../target/classes/META-INF/resources/console', import.meta.url)),
    emptyOutDir: true,
    // one small app: no source maps in the jar, and a warning only for a really large chunk
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` on 5173 against a service running on 8080 (`java -jar admin-api/target/jifen-app/jifen-admin-api.jar`)
    proxy: { '/merchants': 'http://localhost:8080', '/platform': 'http://localhost:8080' },
  },
});
