import type { WarningParameterValues, WarningRuleVersion } from '../../shared/warnings/parameters';
import type { RuleFigures } from '../../shared/warnings/figures';
import type { Engine } from '../db/engine';

export interface SavedWarningRuleVersion extends WarningRuleVersion {
  id: number;
  createdAt: string;
  createdBy: string;
  /** null: a province-wide version (saved before #16). */
  county: string | null;
}

/** The counties' dated warning-rule versions, and the figures of each source's last import the preview counts on. */
export function createWarningRulesRepository(db: Engine) {
  // A county's timeline (#16): the province-wide versions and its own; null: the province-wide ones only.
  const timelineOf = (county: string | null) =>
    db.selectFrom('warning_rule_versions').where((eb) => (county === null ? eb('county', 'is', null) : eb.or([eb('county', 'is', null), eb('county', '=', county)])));
  return {
    async versions(county: string | null): Promise<SavedWarningRuleVersion[]> {
      const rows = await timelineOf(county).selectAll().orderBy('effective_from').orderBy('id').execute();
      return rows.map((r) => ({
        id: Number(r.id),
        effectiveFrom: r.effective_from,
        values: JSON.parse(r.values_json) as WarningParameterValues,
        source: r.source,
        createdAt: r.created_at,
        createdBy: r.created_by,
        county: r.county,
      }));
    },
    /** Whether the county's timeline already has a version (its own or a province-wide one) on that date. */
    async existsOn(effectiveFrom: string, county: string | null): Promise<boolean> {
      return (await timelineOf(county).select('id').where('effective_from', '=', effectiveFrom).executeTakeFirst()) !== undefined;
    },
    async insert(v: WarningRuleVersion & { createdBy: string; now: string; county: string | null }): Promise<number> {
      const row = await db
        .insertInto('warning_rule_versions')
        .values({ effective_from: v.effectiveFrom, values_json: JSON.stringify(v.values), source: v.source, created_at: v.now, created_by: v.createdBy, county: v.county })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    /**
     * Replaces the county's figures of the source with this import's (RuleFigures as JSON: a worker hands them over as
     * text). Each county its own (#16): one county's import leaves another's figures alone.
     */
    async keepFigures(county: string | null, source: string, figuresJson: string, importId: number | null, now: string): Promise<void> {
      const values = { county, source, import_id: importId, figures_json: figuresJson, saved_at: now };
      await db
        .insertInto('warning_rule_figures')
        .values(values)
        .onConflict((c) =>
          (county === null ? c.column('source').where('county', 'is', null) : c.columns(['county', 'source']).where('county', 'is not', null)).doUpdateSet({
            import_id: importId,
            figures_json: values.figures_json,
            saved_at: now,
          }),
        )
        .execute();
    },
    /** The county's figures, one per source (null: those of imports of no county). */
    async figures(county: string | null): Promise<Array<{ figures: RuleFigures; importId: number | null; savedAt: string }>> {
      const rows = await db
        .selectFrom('warning_rule_figures')
        .selectAll()
        .where('county', county === null ? 'is' : '=', county)
        .orderBy('source')
        .execute();
      return rows.map((r) => ({ figures: JSON.parse(r.figures_json) as RuleFigures, importId: r.import_id === null ? null : Number(r.import_id), savedAt: r.saved_at }));
    },
  };
}

export type WarningRulesRepository = ReturnType<typeof createWarningRulesRepository>;
