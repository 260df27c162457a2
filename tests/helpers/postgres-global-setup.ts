import type { TestProject } from 'vitest/node';
import { POSTGRES_ADMIN_URL, POSTGRES_SKIPPED_LINE, postgresAnswers, postgresRequired } from './postgres';

declare module 'vitest' {
  interface ProvidedContext {
    /** The maintenance database URL when PostgreSQL answers; null when its suites are skipped. */
    postgresAdminUrl: string | null;
  }
}

/** Asks once per run whether PostgreSQL answers, so a machine without it prints one line, not one per file. */
export default async function setup(project: TestProject): Promise<void> {
  const answers = await postgresAnswers(POSTGRES_ADMIN_URL);
  if (!answers) {
    if (postgresRequired()) {
      throw new Error(`CI 必须运行 PostgreSQL 测试，但 ${new URL(POSTGRES_ADMIN_URL).host} 上的 PostgreSQL 没有响应（.ci/run 会启动它）`);
    }
    console.log(POSTGRES_SKIPPED_LINE);
  }
  project.provide('postgresAdminUrl', answers ? POSTGRES_ADMIN_URL : null);
}
