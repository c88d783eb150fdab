import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const apiOrigin = "http://127.0.0.1:3000";

/** The server serves the built admin at /admin and the API on the same origin under /api/v1. */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/admin/",
  plugins: [react()],
  build: {
    outDir: "dist",
    // School and county office computers often run older Chromium-based browsers (360, QQ): reach back to 2021.
    target: ["es2020", "chrome87", "edge88", "firefox78", "safari14"],
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod places /*#__PURE__*/ notes where Rollup cannot use them; harmless, and not ours to fix.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("node_modules")) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: apiOrigin, changeOrigin: false },
      "/socket.io": { target: apiOrigin, ws: true },
    },
  },
});
