import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { schemaEnums } from './build/schema-enums.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The workbench: a single-page app built into dist/web, served by replika at `/`. Preact's JSX
 * is compiled by vite's own transformer (no babel preset); the overview page is the entry chunk
 * and every other page is loaded when first opened. The schema's enums become a small constants
 * module first (build/schema-enums.ts).
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  plugins: [schemaEnums(here('../schema.graphql'), here('src/lib/schema-enums.ts'))],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
});
