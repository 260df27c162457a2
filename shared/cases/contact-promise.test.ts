import { describe, expect, it } from 'vitest';
import { contactDays, contactPromise } from './contact-promise';
import { FIRST_CONTACT_WORKING_DAYS } from './due';

describe('the promise about when staff will call', () => {
  it('follows the first-contact deadline of the level', () => {
    expect(contactPromise('requester', 'red')).toBe(`工作人员会在 ${FIRST_CONTACT_WORKING_DAYS.red} 个工作日内打电话联系您`);
    expect(contactPromise('requester', 'blue')).toBe(`工作人员会在 ${FIRST_CONTACT_WORKING_DAYS.blue} 个工作日内打电话联系您`);
  });

  it('promises the longest deadline when the level is not known yet', () => {
    expect(contactDays()).toBe(5);
    expect(contactDays()).toBeGreaterThanOrEqual(contactDays('red'));
  });

  it('tells a reporter that staff will contact the person reported', () => {
    expect(contactPromise('reported', 'yellow')).toBe('工作人员会在 3 个工作日内联系被反映的人，了解情况');
  });
});
