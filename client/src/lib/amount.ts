/**
 * Reads a number the way people type it on a phone: 1500, 1,500, 1500元, 全角 digits, 1.5万, 3千.
 * Returns undefined for an empty box and 'bad' for something that is not a number.
 */
export function parseAmount(text: string): number | undefined | 'bad' {
  const cleaned = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s元人]/g, '');
  if (cleaned === '') return undefined;
  const match = /^(\d+(?:\.\d+)?)(万|千)?$/.exec(cleaned);
  if (!match) return 'bad';
  const unit = match[2] === '万' ? 10_000 : match[2] === '千' ? 1_000 : 1;
  return Math.round(Number(match[1]) * unit * 100) / 100;
}
