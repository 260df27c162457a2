import QRCode from 'qrcode';

// Level Q survives a scuffed or rain-stained doorplate; margin 4 is the quiet zone the spec asks for.
const QR_OPTIONS = { errorCorrectionLevel: 'Q', margin: 4 } as const;

export function qrPng(url: string, width = 600): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png', width });
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: 'svg' });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** A printable SVG poster: the QR code, the township and label under it, and the code as text. */
export async function qrPosterSvg(input: { url: string; code: string; township: string; label?: string | null }): Promise<string> {
  const qr = await qrSvg(input.url);
  const inner = qr.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(qr);
  const size = Number(viewBox?.[1] ?? 37);
  const lines = [
    `<text x="200" y="440" font-size="26" font-weight="bold" text-anchor="middle">${escapeXml(input.township)}</text>`,
    input.label ? `<text x="200" y="474" font-size="20" text-anchor="middle">${escapeXml(input.label)}</text>` : '',
    `<text x="200" y="506" font-size="16" text-anchor="middle">扫一扫 · 幸福码自助测一测  编号 ${escapeXml(input.code)}</text>`,
  ];
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="530" viewBox="0 0 400 530" font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif">',
    '<rect width="400" height="530" fill="#fff"/>',
    `<svg x="20" y="20" width="360" height="360" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">${inner}</svg>`,
    ...lines,
    '</svg>',
  ].join('\n');
}
