import type { Plugin } from 'vite';
import { ReportBody, RequestBody } from '../../shared/schemas/submissions.ts';

const ID = 'virtual:form-schemas';

/**
 * The resident forms' TypeBox schemas, as the plain JSON Schema they are, built here at build time: the
 * phone checks against the very schemas the server validates with, without shipping TypeBox's builder
 * (about 20 KB gzip on the resident pages).
 */
export function formSchemas(): Plugin {
  return {
    name: 'xfm-form-schemas',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) =>
      id === `\0${ID}` ? `export const RequestBody = ${JSON.stringify(RequestBody)};\nexport const ReportBody = ${JSON.stringify(ReportBody)};\n` : undefined,
  };
}
