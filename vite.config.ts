// Builds the web UI (src/adapters/web) into dist/web, which the HTTP server serves under a strict
// Content-Security-Policy: no inline scripts or styles, nothing from other origins.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const govukAssets = path.join(
  path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')),
  'dist/govuk/assets',
);

export default defineConfig({
  root: path.join(repoRoot, 'src/adapters/web'),
  base: '/',
  plugins: [react()],
  resolve: {
    // GOV.UK Frontend's compiled CSS refers to its fonts and images as /assets/fonts/… and
    // /assets/images/…. Resolve those to the files in the package, so that Vite copies each one
    // into the build (content-hashed, under /assets/) and rewrites the CSS to match. Nothing is
    // vendored into src, and the dev server serves them the same way.
    alias: [{ find: /^\/assets\/(fonts|images)\//, replacement: `${govukAssets}/$1/` }],
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Every asset a file of its own: the CSP allows data: URLs only for images, never for fonts.
    assetsInlineLimit: 0,
    // GOV.UK Frontend's CSS is minified already, and keeps hacks for old Internet Explorer that
    // Lightning CSS's minifier cannot parse.
    cssMinify: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
