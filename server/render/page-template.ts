import fs from 'node:fs';
import path from 'node:path';
import { embedJson, escapeHtml } from './html';

// Used when the client has not been built (API tests); the real one comes from client/dist.
const FALLBACK_TEMPLATE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>幸福码</title><!--boot--></head>
<body><div id="app"><!--app-shell--></div></body></html>`;

export interface PageParts {
  title?: string;
  shell?: string;
  boot?: unknown;
  /** Extra `<head>` tags (the inner pages' code preloads). */
  head?: string;
}

/** The built index.html with slots for the server-rendered shell and boot data. */
export function loadPageTemplate(clientDist: string) {
  const file = path.join(clientDist, 'index.html');
  const template = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : FALLBACK_TEMPLATE;
  return {
    built: template !== FALLBACK_TEMPLATE,
    render({ title, shell, boot, head }: PageParts = {}): string {
      let html = template;
      if (head) html = html.replace('</head>', `${head}\n</head>`);
      if (title) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
      if (shell) html = html.replace('<!--app-shell-->', shell);
      if (boot !== undefined) {
        html = html.replace('<!--boot-->', `<script type="application/json" id="boot">${embedJson(boot)}</script>`);
      }
      return html;
    },
  };
}
