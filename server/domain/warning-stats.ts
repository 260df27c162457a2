import { inPlace } from '../../shared/accounts/scope';
import type { WarningFiguresInfo } from '../../shared/schemas/admin-reports';
import { HANDLING_BRANCHES } from '../../shared/warnings/branches';
import { isSignalSource, SIGNAL_SOURCES, SOURCE_LABEL } from '../../shared/warnings/sources';
import type { Store } from '../db/store';
import type { StatsRange } from '../repositories/admin-stats';
import { median, monthsBetween } from './admin-stats';
import type { Vault } from './crypto';

class WarningTally {
  raised = 0;
  handled = 0;
  hours: number[] = [];
  figures() {
    return { raised: this.raised, handled: this.handled, medianHoursToContact: median(this.hours) };
  }
}

/**
 * 数据预警 in the county statistics: warnings raised and handled per township and month, by source and by
 * 分类处置 branch, and how long it took to reach the person after a warning. Every source and branch is listed,
 * with 0 where none, so months line up in a spreadsheet. Nothing personal is read.
 */
export async function warningStats(
  { repos }: Store,
  vault: Vault,
  range: StatsRange,
  /** A township or a county code (#16); left out: everywhere. */
  place?: string,
): Promise<WarningFiguresInfo> {
  const scope = place ?? null;
  const townships = (await repos.regions.list()).filter((r) => r.level === 'township' && inPlace(place, r.code));
  const byTownship = new Map(townships.map((r) => [r.code, new WarningTally()]));
  const months = monthsBetween(range.fromDay, range.toDay);
  const byMonth = new Map(months.map((m) => [m, new WarningTally()]));
  const total = new WarningTally();
  const sources = new Map<string, number>();
  const branches = new Map<string, number>();

  for (const row of await repos.adminStats.warningsRaised(range, scope)) {
    // The key is personKey:source:period; the person key is base64url, so the source is the second part.
    const source = row.warning_key.split(':')[1] ?? '';
    if (isSignalSource(source)) sources.set(source, (sources.get(source) ?? 0) + 1);
    const hours = row.first_contact_at ? (Date.parse(row.first_contact_at) - Date.parse(row.raised_at)) / 3_600_000 : null;
    for (const tally of [byTownship.get(row.township), byMonth.get(row.month), total]) {
      if (!tally) continue;
      tally.raised++;
      if (hours !== null) tally.hours.push(hours);
    }
  }
  for (const row of await repos.adminStats.warningsHandled(range, scope)) {
    const branch = row.detail_enc ? vault.decrypt<{ branch?: string }>(row.detail_enc).branch : undefined;
    if (branch) branches.set(branch, (branches.get(branch) ?? 0) + 1);
    for (const tally of [byTownship.get(row.township), byMonth.get(row.month), total]) if (tally) tally.handled++;
  }

  return {
    townships: townships.map((r) => ({ code: r.code, name: r.name, ...byTownship.get(r.code)!.figures() })),
    months: months.map((month) => ({ month, ...byMonth.get(month)!.figures() })),
    total: total.figures(),
    bySource: SIGNAL_SOURCES.map((value) => ({ value, label: SOURCE_LABEL[value], count: sources.get(value) ?? 0 })),
    byBranch: HANDLING_BRANCHES.map((b) => ({ value: b.value, label: b.label, count: branches.get(b.value) ?? 0 })),
  };
}
