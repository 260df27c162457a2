import type { AdminResourceItemInfo, ResourceInput, ResourceItemInfo } from '../../shared/schemas/resources';
import { AppError } from '../app-error';
import type { Repositories } from '../repositories';
import type { Resource, ResourceFields } from '../repositories/resources';

/** A resource as staff pick it for a referral. */
export function toResourceItem(repos: Repositories, r: Resource): ResourceItemInfo {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    township: r.township,
    townshipName: r.township ? (repos.regions.find(r.township)?.name ?? r.township) : null,
    serviceTypes: r.serviceTypes,
    contact: r.contact,
    capacity: r.capacity,
  };
}

export function toAdminResourceItem(repos: Repositories, r: Resource): AdminResourceItemInfo {
  return { ...toResourceItem(repos, r), retiredAt: r.retiredAt, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}

/** Trims what the county typed, drops repeated service types, and checks the township exists. */
export function cleanResource(repos: Repositories, input: ResourceInput): ResourceFields {
  const township = input.township ?? null;
  if (township !== null && !repos.regions.findTownship(township)) {
    throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
  }
  const name = input.name.trim();
  if ([...name].length < 2) throw new AppError('VALIDATION_FAILED', 400, undefined, { name: '请填写名称（2 到 60 个字）' });
  const serviceTypes = [...new Set(input.serviceTypes.map((s) => s.trim()).filter(Boolean))];
  if (serviceTypes.length === 0) throw new AppError('VALIDATION_FAILED', 400, undefined, { serviceTypes: '请至少填写一项服务内容' });
  const contact = input.contact?.trim() || null;
  return { kind: input.kind, name, township, serviceTypes, contact, capacity: input.capacity ?? null };
}
