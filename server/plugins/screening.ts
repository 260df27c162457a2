import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import type { Answers } from '../../shared/questionnaire/answers';
import { DEMO_COUNTY_PARAMETERS, screen } from '../../shared/screening';
import type { ScreeningResult } from '../../shared/screening/result';
import type { ScreeningSnapshot } from '../domain/intake';

declare module 'fastify' {
  interface FastifyInstance {
    screening: {
      evaluate(answers: Answers, asOf: string): ScreeningResult;
      snapshot(answers: Answers, asOf: string): ScreeningSnapshot;
    };
  }
}

/** The shared rules engine with this county's dated parameters: the same code the phone runs. */
const screeningPlugin: FastifyPluginAsync = async (app) => {
  const evaluate = (answers: Answers, asOf: string) => screen(answers, DEMO_COUNTY_PARAMETERS, asOf);
  app.decorate('screening', {
    evaluate,
    snapshot(answers: Answers, asOf: string): ScreeningSnapshot {
      const result = evaluate(answers, asOf);
      return { level: result.level, targetClass: result.targetClass, rulesVersion: result.rulesVersion, answers, result };
    },
  });
};

export default fp(screeningPlugin, { name: 'screening' });
