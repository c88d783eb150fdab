import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const apiOrigin = "http://127.0.0.1:3000";

/**
 * Libraries every screen runs on, used whole: React, the router, zod (the API contracts in
 * @xinyuan/shared) and antd's styling runtime. They go in one "vendor" file whose name changes only when
 * one of them is upgraded, so after a deploy returning browsers fetch the app's code, not these again.
 * antd's components are deliberately not listed: pages use different ones, and a rule naming antd would
 * pull every component any page uses (Table, DatePicker…) into the sign-in screen's download.
 */
const vendorPackages = [
  "react",
  "react-dom",
  "scheduler",
  "react-router",
  "react-router-dom",
  "zod",
  "@ant-design/cssinjs",
  "@ant-design/cssinjs-utils",
  "@ant-design/colors",
  "@ant-design/fast-color",
  "@emotion/hash",
  "@emotion/unitless",
  "stylis",
  "rc-util",
  "rc-motion",
  "resize-observer-polyfill",
  "@babel/runtime",
  "classnames",
];

function vendorChunk(id: string): string | undefined {
  return vendorPackages.some((name) => id.includes(`/node_modules/${name}/`)) ? "vendor" : undefined;
}

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
      output: {
        manualChunks: vendorChunk,
        // Fold the many tiny shared pieces of antd into chunks loaded at the same time: fewer requests
        // on a slow link (the sign-in screen fetches 12 files instead of 18), no extra bytes.
        experimentalMinChunkSize: 10_000,
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
