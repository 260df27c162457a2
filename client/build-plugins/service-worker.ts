import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Plugin, Rolldown } from 'vite';

type OutputChunk = Rolldown.OutputChunk & { viteMetadata?: { importedCss: Set<string> } };

/** Pages whose code the service worker keeps: the resident's, and the public pages around them. */
const RESIDENT = /[\\/]client[\\/]src[\\/]pages[\\/](?:resident|report|track)[\\/]|[\\/]client[\\/]src[\\/]pages[\\/](?:HomePage|NotFoundPage)\.vue$/;
/**
 * Never kept on a phone, even by mistake in the chunk grouping. The route tables (staff/routes.ts,
 * admin/routes.ts) are in the entry on purpose: they only name pages that are fetched when opened.
 */
const STAFF_OR_ADMIN = /[\\/]client[\\/]src[\\/](?:pages|components|composables)[\\/](?:staff|admin)[\\/](?!routes\.ts$)/;

/**
 * Emits `sw.js`: client/service-worker/sw.js with the list of files to precache: the entry with
 * its imports and styles, and the chunks holding the resident pages with theirs. The build fails if
 * that list would include a chunk with staff or admin code, so a grouping change cannot leak it.
 */
export function serviceWorker(source: string, publicFiles: string[] = []): Plugin {
  return {
    name: 'xfm-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk') as OutputChunk[];
      const visit = (chunk: OutputChunk) => {
        if (files.has(chunk.fileName)) return;
        const staff = chunk.moduleIds.find((id) => STAFF_OR_ADMIN.test(id));
        if (staff) throw new Error(`service worker: ${chunk.fileName} would be precached but holds ${staff}`);
        files.add(chunk.fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const name of chunk.imports) visit(bundle[name] as OutputChunk);
      };
      for (const chunk of chunks) if (chunk.isEntry || chunk.moduleIds.some((id) => RESIDENT.test(id))) visit(chunk);
      const precache = [...files, ...publicFiles].map((file) => `/${file}`).sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n${fs.readFileSync(source, 'utf8')}`,
      });
    },
  };
}
