import type { AdminResourceItemInfo, ResourceInput, ResourceItemInfo } from '../../shared/schemas/resources';
import { AppError } from '../app-error';
import type { Store } from '../db/store';
import type { ResourceFields } from '../../shared/resources/import';
import type { Resource } from '../repositories/resources';

/** A resource as staff pick it for a referral. */
export async function toResourceItem(store: Store, r: Resource): Promise<ResourceItemInfo> {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    township: r.township,
    townshipName: r.township ? ((await store.repos.regions.find(r.township))?.name ?? r.township) : null,
    serviceTypes: r.serviceTypes,
    contact: r.contact,
    capacity: r.capacity,
  };
}

export async function toAdminResourceItem(store: Store, r: Resource): Promise<AdminResourceItemInfo> {
  return { ...(await toResourceItem(store, r)), retiredAt: r.retiredAt, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}

/** Trims what the county typed, drops repeated service types, and checks the township exists. */
export async function cleanResource(store: Store, input: ResourceInput): Promise<ResourceFields> {
  const township = input.township ?? null;
  if (township !== null && !(await store.repos.regions.findTownship(township))) {
    throw new AppError('VALIDATION_FAILED', 400, undefined, { township: '没有这个乡镇（街道）' });
  }
  const name = input.name.trim();
  if ([...name].length < 2) throw new AppError('VALIDATION_FAILED', 400, undefined, { name: '请填写名称（2 到 60 个字）' });
  const serviceTypes = [...new Set(input.serviceTypes.map((s) => s.trim()).filter(Boolean))];
  if (serviceTypes.length === 0) throw new AppError('VALIDATION_FAILED', 400, undefined, { serviceTypes: '请至少填写一项服务内容' });
  const contact = input.contact?.trim() || null;
  return { kind: input.kind, name, township, serviceTypes, contact, capacity: input.capacity ?? null };
}
