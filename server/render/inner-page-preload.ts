import fs from 'node:fs';
import path from 'node:path';
import { escapeHtml } from './html';

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  css?: string[];
  imports?: string[];
}

/**
 * `<link>` tags naming the resident pages' code (the "resident" chunk of client/vite.config.ts and
 * what it imports beyond the entry), for pages that open on an inner route: a deep link or a reload
 * then fetches it together with the app, one 2-second round trip sooner than when the app asks.
 * Empty when the client has not been built.
 */
export function innerPagePreloads(clientDist: string): string {
  const file = path.join(clientDist, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) return '';
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const chunks = Object.values(manifest);
  const resident = chunks.find((chunk) => chunk.name === 'resident' && chunk.file.endsWith('.js'));
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!resident || !entry) return '';
  // The entry's own files are already in the page.
  const loaded = new Set([entry.file, ...(entry.imports ?? []).map((key) => manifest[key]?.file)]);
  const scripts = [resident.file, ...(resident.imports ?? []).map((key) => manifest[key]?.file)].filter((f): f is string => Boolean(f) && !loaded.has(f));
  const links = [
    ...scripts.map((f) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(f)}">`),
    ...(resident.css ?? []).map((f) => `<link rel="stylesheet" crossorigin href="/${escapeHtml(f)}">`),
  ];
  return links.join('\n');
}
