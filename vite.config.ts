import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'b2c-totp-kit.js' },
    // Every byte reaches a sign-in page: minify fully and drop annotation comments.
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
