/** Number and date text for the document, fixed to the conventions of the format (never the machine locale). */

/** 2024-01-25 → 2024年1月25日 (Arabic numerals, no padding zeros: TEMPLATE §8). */
export function dateText(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** Yuan amounts: as the number was given, without thousands separators. */
export function yuan(amount: number): string {
  return String(amount);
}
