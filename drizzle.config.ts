import { defineConfig } from 'drizzle-kit';

// Each domain module owns its tables; drizzle-kit gathers them into one migration folder that
// PGlite and PostgreSQL both run.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/domain/*/schema.ts',
  out: './drizzle',
});
