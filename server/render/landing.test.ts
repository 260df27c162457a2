import { describe, expect, it } from 'vitest';
import { renderEntryProblem } from './landing';

describe('the unknown-code page', () => {
  it('gives the county bureau a tappable phone number when it is known', () => {
    const html = renderEntryProblem('not_found', undefined, { name: '苍南县', phone: '0577-64761234' });
    expect(html).toContain('苍南县民政局');
    expect(html).toContain('<a href="tel:0577-64761234">0577-64761234</a>');
  });

  it('says where to go without a number when none is known', () => {
    expect(renderEntryProblem('not_found')).not.toContain('tel:');
  });
});
