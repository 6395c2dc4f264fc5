import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "/console/",
  // SurveyJS alone is about 1.6 MB minified; it is split into the paper-entry page's own chunk.
  build: {
    target: "es2020",
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1800,
    // preview.html: the questionnaire studio's phone preview, the resident app's styles in a frame of its own.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL("./index.html", import.meta.url)),
        preview: fileURLToPath(new URL("./preview.html", import.meta.url)),
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
