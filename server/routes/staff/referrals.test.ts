import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newSignedIn, partnerSignedIn, threeRoles, type AdminClient } from '../../../tests/helpers/admin';
import { fakeIdNumber } from '../../../tests/helpers/people';
import { submitRequest } from '../../../tests/helpers/submissions';
import { buildTestApp, type TestApp } from '../../../tests/helpers/test-app';

let t: TestApp;
let admin: AdminClient;
let staff: AdminClient;
let viewer: AdminClient;
let otherStaff: AdminClient;
let partner: AdminClient;
let otherPartner: AdminClient;
let own: string;
let ownEntry: string;
let station: number;
let countyWide: number;
let elsewhere: number;
let seq = 0;

let PHONE = '';
let ID = '';

/** A new case for a new person (the same person would join their open case); PHONE and ID are theirs. */
async function newCase(entryCode = ownEntry): Promise<{ id: number; trackingCode: string }> {
  seq++;
  PHONE = `139588${String(seq).padStart(5, '0')}`;
  ID = fakeIdNumber(`33032719500101${String(seq).padStart(3, '0')}`);
  const { caseId, trackingCode } = await submitRequest(t.app, { entryCode, person: { name: '张三丰', phone: PHONE, idNumber: ID }, remoteAddress: `10.77.0.${seq}` });
  return { id: caseId, trackingCode };
}

const track = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/track/${code}`, remoteAddress: '10.78.0.1' })).json();

beforeAll(async () => {
  t = await buildTestApp();
  const [a, b] = await t.app.repos.entries.list();
  own = a!.township;
  ownEntry = a!.code;
  ({ admin, staff, viewer } = await threeRoles(t.app, own));
  otherStaff = await newSignedIn(t.app, 'other_staff', 'township_staff', b!.township);
  const make = async (body: object) => (await admin.send('POST', '/api/admin/resources', body)).json().id as number;
  station = await make({ kind: 'station', name: '灵溪镇社工站', township: own, serviceTypes: ['心理疏导'] });
  countyWide = await make({ kind: 'enterprise', name: '县爱心企业', serviceTypes: ['物资帮扶'] });
  elsewhere = await make({ kind: 'station', name: '别镇社工站', township: b!.township, serviceTypes: ['生活照料'] });
  partner = await partnerSignedIn(t.app, 'station_lx', station);
  otherPartner = await partnerSignedIn(t.app, 'station_other', elsewhere);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

describe('referrals on a case', () => {
  it('refuses a need holding an ID number or a phone, in Chinese, and a resource outside the township', async () => {
    const { id } = await newCase();
    const url = `/api/staff/cases/${id}/referrals`;
    for (const need of [`请上门，电话 ${PHONE.slice(0, 3)}-${PHONE.slice(3, 7)}-${PHONE.slice(7)}`, `身份证 ${ID}，需要陪护`, '座机 0577 6476 1234 白天打']) {
      const res = await staff.post(url, { resourceId: station, need });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.need).toContain('不要写身份证号或电话号码');
    }
    expect((await staff.post(url, { resourceId: elsewhere, need: '需要每周上门陪护两次' })).json().error.fields).toHaveProperty('resourceId');
    expect((await viewer.post(url, { resourceId: station, need: '需要每周上门陪护两次' })).statusCode).toBe(403);
    expect((await otherStaff.post(url, { resourceId: station, need: '需要每周上门陪护两次' })).statusCode).toBe(404);
    expect((await staff.post(url, { resourceId: countyWide, need: '2026-12-01 前送 2 袋米和 5000 元以内的物资' })).statusCode).toBe(201);
  });

  it('runs the full round: referred, accepted, contact shared (audited), completed — on the timeline and the tracking page', async () => {
    const { id, trackingCode } = await newCase();
    const created = await staff.post(`/api/staff/cases/${id}/referrals`, { resourceId: station, need: '独居老人，需要每周上门陪护两次' });
    expect(created.statusCode).toBe(201);
    const referralId = created.json().id as number;

    // The partner sees it desensitised: surname, village, need — no name, ID or phone.
    const list = await partner.get('/api/partner/referrals');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((r: { id: number }) => r.id === referralId);
    expect(item).toMatchObject({ surname: '张*', need: '独居老人，需要每周上门陪护两次', status: 'planned', contactPhone: null });
    expect(list.json().resource).toEqual({ id: station, name: '灵溪镇社工站' });
    for (const secret of ['张三丰', '三丰', PHONE, PHONE.slice(-4), ID, ID.slice(-4)]) expect(list.body).not.toContain(secret);
    expect((await track(trackingCode)).timeline.map((e: { text: string }) => e.text)).toContain('已请灵溪镇社工站联系您');
    expect((await track(trackingCode)).helping).toEqual(['已请灵溪镇社工站联系您']);

    const answer = (type: string, note: string) => partner.post(`/api/partner/referrals/${referralId}/events`, { type, note });
    expect((await answer('complete', '已完成')).statusCode).toBe(409);
    expect((await answer('decline', '')).json().error.fields).toEqual({ note: '请写一句婉拒的原因' });
    // Contact only after acceptance.
    expect((await staff.post(`/api/staff/cases/${id}/referrals/${referralId}/contact`, { confirm: true })).statusCode).toBe(409);
    expect((await answer('accept', '')).json()).toMatchObject({ status: 'accepted', statusText: '已接单' });
    expect((await track(trackingCode)).timeline.map((e: { text: string }) => e.text)).toContain('灵溪镇社工站已接手，会尽快联系您');

    const shared = await staff.post(`/api/staff/cases/${id}/referrals/${referralId}/contact`, { confirm: true });
    expect(shared.json()).toMatchObject({ contactShared: true });
    expect((await t.app.repos.audit.forTarget(`case:${id}`)).map((a) => a.action)).toContain('referral.share_contact');
    const withPhone = (await partner.get('/api/partner/referrals')).json().items.find((r: { id: number }) => r.id === referralId);
    expect(withPhone.contactPhone).toBe(PHONE);

    expect((await answer('complete', `已上门，电话 ${PHONE}`)).json().error.fields.note).toContain('不要写');
    expect((await answer('complete', '已安排每周二、周五上门')).json()).toMatchObject({ status: 'completed' });
    expect((await answer('decline', '重复点击')).statusCode).toBe(409);

    const detail = (await staff.get(`/api/staff/cases/${id}`)).json();
    const types = detail.timeline.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['referral', 'referral_accept', 'referral_contact', 'referral_complete']));
    const done = detail.timeline.find((e: { type: string }) => e.type === 'referral_complete');
    expect(done).toMatchObject({ actor: 'station_lx', publicText: '灵溪镇社工站已完成帮扶', detail: { note: '已安排每周二、周五上门' } });
    const tracked = await track(trackingCode);
    expect(tracked.timeline.map((e: { text: string }) => e.text)).toContain('灵溪镇社工站已完成帮扶');
    expect(tracked.helping).toEqual(['灵溪镇社工站已完成帮扶']);
    expect(JSON.stringify(tracked)).not.toMatch(/station_lx|张|三丰/);
    const referrals = (await staff.get(`/api/staff/cases/${id}/referrals`)).json().items;
    expect(referrals).toEqual([expect.objectContaining({ id: referralId, status: 'completed', statusText: '已完成', resource: { id: station, name: '灵溪镇社工站', kind: 'station' } })]);
  });

  it('keeps partners apart: another resource neither sees nor answers the referral', async () => {
    const { id } = await newCase();
    const referralId = (await staff.post(`/api/staff/cases/${id}/referrals`, { resourceId: station, need: '需要上门了解情况' })).json().id as number;
    expect((await otherPartner.get('/api/partner/referrals')).json().items).toEqual([]);
    expect((await otherPartner.post(`/api/partner/referrals/${referralId}/events`, { type: 'accept', note: '' })).statusCode).toBe(404);
    expect((await t.app.repos.referrals.find(referralId))!.status).toBe('planned');
    // Staff sessions are not partners.
    expect((await staff.get('/api/partner/referrals')).statusCode).toBe(403);
    expect((await admin.post(`/api/partner/referrals/${referralId}/events`, { type: 'accept', note: '' })).statusCode).toBe(403);
  });

  it('flags a referral not accepted within the working-day deadline to its township, on the case and in the queue', async () => {
    const { id } = await newCase();
    const before = (await staff.get('/api/staff/cases')).json().referralsOverdue as number;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() - 15 * 86_400_000));
    const referralId = (await staff.post(`/api/staff/cases/${id}/referrals`, { resourceId: station, need: '需要上门了解情况' })).json().id as number;
    vi.useRealTimers();

    const onCase = (await staff.get(`/api/staff/cases/${id}/referrals`)).json().items[0];
    expect(onCase).toMatchObject({ id: referralId, status: 'planned', overdue: true });
    expect((await staff.get('/api/staff/cases')).json().referralsOverdue).toBe(before + 1);
    const waiting = (await staff.get('/api/staff/referrals?overdue=true')).json();
    expect(waiting.items.map((r: { id: number }) => r.id)).toContain(referralId);
    // Another township is not told.
    expect((await otherStaff.get('/api/staff/referrals?overdue=true')).json().items.map((r: { id: number }) => r.id)).not.toContain(referralId);
    expect((await otherStaff.get('/api/staff/cases')).json().referralsOverdue).toBe(0);
    // Once accepted, it is no longer flagged.
    await partner.post(`/api/partner/referrals/${referralId}/events`, { type: 'accept', note: '' });
    expect((await staff.get(`/api/staff/cases/${id}/referrals`)).json().items[0].overdue).toBe(false);
  });
});
