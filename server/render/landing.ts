import type { EntryInfo } from '../../shared/schemas/entries';
import { escapeHtml } from './html';

/**
 * The landing screen as server HTML, so a phone on slow 3G paints the township name before any
 * JavaScript arrives. The Vue landing page renders the same markup when it mounts.
 */
export function renderLandingShell(entry: EntryInfo, countyName: string): string {
  const place = [countyName, entry.township.name, entry.village?.name].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const code = encodeURIComponent(entry.code);
  return `<main class="landing" aria-labelledby="landing-title">
<p class="landing__place">${place}</p>
<h1 id="landing-title" class="landing__title">幸福码</h1>
${entry.label ? `<p class="landing__label">${escapeHtml(entry.label)}</p>` : ''}
<p class="landing__intro">这是县民政局为大家开通的求助服务。花几分钟回答 12 个问题，就能知道您家可能符合哪些帮扶政策。</p>
<p class="landing__intro">答题不用留姓名；只有您点「请工作人员联系我」时，才会留下联系方式。</p>
<nav class="landing__doors" aria-label="您想做什么">
<a class="door door--primary" href="/q/${code}/check">自助测一测</a>
<a class="door" href="/q/${code}/report">帮别人反映困难</a>
<a class="door door--plain" href="/track">查询进度</a>
</nav>
${entry.phone ? `<p class="landing__phone">也可以直接打电话给${escapeHtml(entry.township.name)}民政办：<a href="tel:${escapeHtml(entry.phone)}">${escapeHtml(entry.phone)}</a></p>` : ''}
</main>`;
}

/** `county`: for an unknown code there is no township to call, so the county bureau's phone is given. */
export function renderEntryProblem(kind: 'not_found' | 'disabled', entry?: EntryInfo, county?: { name: string; phone?: string }): string {
  if (kind === 'not_found') {
    const countyPhone = county?.phone
      ? `<p class="landing__phone">也可以打电话给${escapeHtml(county.name)}民政局：<a href="tel:${escapeHtml(county.phone)}">${escapeHtml(county.phone)}</a></p>\n`
      : '';
    return `<main class="landing landing--problem" aria-labelledby="landing-title">
<h1 id="landing-title" class="landing__title">没有找到这个幸福码</h1>
<p class="landing__intro">二维码可能没有扫完整，或者已经更换。请重新扫一扫，或者联系当地乡镇（街道）民政办。</p>
${countyPhone}<nav class="landing__doors"><a class="door door--plain" href="/track">查询办理进度</a></nav>
</main>`;
  }
  const phone = entry?.phone
    ? `<p class="landing__phone">请拨打${escapeHtml(entry.township.name)}民政办电话：<a href="tel:${escapeHtml(entry.phone)}">${escapeHtml(entry.phone)}</a></p>`
    : '';
  return `<main class="landing landing--problem" aria-labelledby="landing-title">
<h1 id="landing-title" class="landing__title">这个幸福码已停用</h1>
<p class="landing__intro">${entry ? `${escapeHtml(entry.township.name)}的` : ''}工作人员可以继续为您服务。</p>
${phone}
<nav class="landing__doors"><a class="door door--plain" href="/track">查询办理进度</a></nav>
</main>`;
}
