/** Built by client/build-plugins/form-schemas.ts from shared/schemas/submissions.ts. */
declare module 'virtual:form-schemas' {
  import type { ReportBody as Report, RequestBody as Request } from '@shared/schemas/submissions';

  export const RequestBody: typeof Request;
  export const ReportBody: typeof Report;
}
