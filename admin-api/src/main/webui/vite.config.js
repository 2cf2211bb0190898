import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Built by the Maven build (admin-api/pom.xml): the output goes to admin-api/target/webui and is
// copied to META-INF/resources/console, so the service serves it at /console/ (same origin as the
// API: no CORS, no CDN; every asset is bundled).
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../../target/webui', import.meta.url)),
    emptyOutDir: true,
    // one small app: no source maps in the jar, and a warning only for a really large chunk
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` on 5173 against a service running on 8080 (`java -jar .../quarkus-run.jar`)
    proxy: { '/merchants': 'http://localhost:8080', '/platform': 'http://localhost:8080' },
  },
});
