import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "/console/",
  // SurveyJS alone is about 1.6 MB minified; it is split into the paper-entry page's own chunk.
  build: { target: "es2020", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1800 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
