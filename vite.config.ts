/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

/**
 * The page's Content-Security-Policy: everything from the page's own origin, nothing from anywhere else
 * (e2e/csp.spec.ts checks it as applied). Scripts and workers are the page's own files: no inline
 * script, no eval, no blob: workers (Monaco's blob bootstrap is not used: `MonacoEnvironment.getWorker`
 * returns Vite-built worker files). Monaco's widgets and React Flow set inline `style` attributes, which
 * is why styles (never scripts) allow 'unsafe-inline'. Export draws through data:/blob: images.
 * `frame-ancestors` is not set: a <meta> policy cannot carry it, and embed mode is meant to be framed.
 * Injected into the built page only: the dev server's hot-reload preamble is an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'kubeplay-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  }
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: {
    // monaco-yaml's worker imports monaco's pre-0.56 deep path; monaco-editor now maps it through exports.
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }],
  },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js', 'yaml', 'comlink'] },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 5000, sourcemap: false },
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // Whole-corpus and property tests take seconds; on a loaded 2-core machine several times longer.
    testTimeout: 60_000,
  },
})
