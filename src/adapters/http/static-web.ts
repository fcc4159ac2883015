import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './http-deps.ts';

/**
 * Serves the built React app. Hashed assets are cached for a year; every other path that is not
 * a file gets index.html, so client-side routes survive a reload.
 */
export function serveWebApp(app: Hono<AppEnv>, webRoot: string): void {
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200 && /-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png)$/.test(c.req.path)) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });
  app.use('/*', serveStatic({ root: webRoot }));
  let indexHtml: Promise<string> | undefined;
  app.get('*', async (c) => {
    indexHtml ??= readFile(join(webRoot, 'index.html'), 'utf8');
    try {
      return c.html(await indexHtml);
    } catch {
      indexHtml = undefined;
      return c.text('The web app has not been built: run npm run build:web', 503);
    }
  });
}
