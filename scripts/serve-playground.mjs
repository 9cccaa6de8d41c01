// Serves the built playground (dist/playground/) on http://localhost:8080
// (PORT to change it), for a person to try: `npm run playground`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'dist', 'playground');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const port = Number(process.env.PORT ?? 8080);

createServer(async (req, res) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.join(dir, name);
  const body = file.startsWith(dir + path.sep) ? await readFile(file).catch(() => undefined) : undefined;
  res.writeHead(body ? 200 : 404, { 'content-type': (body && types[path.extname(file)]) || 'text/plain; charset=utf-8' });
  res.end(body ?? 'not found');
}).listen(port, 'localhost', () => console.log(`finetune-lint playground: http://localhost:${port}/`));
