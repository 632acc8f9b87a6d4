/**
 * Exact sums of decimal numerals, for money: 378.42 + 0.1 is 378.52, never 378.52000000000004.
 * Each numeral is read as an integer count of its smallest unit (BigInt), so nothing drifts
 * however many reports are added; the sum keeps the most decimals any term was written with.
 */

const NUMERAL = /^(\d+)(?:\.(\d+))?$/;

/** The sum of non-negative decimal numerals as written ("1.10", "0", "52.155"), written with the most decimals of any term. */
export function addDecimals(terms: readonly string[]): string {
  const parsed = terms.map((term) => {
    const match = NUMERAL.exec(term.trim());
    if (!match) throw new RangeError(`not a decimal numeral: ${term}`);
    return { whole: match[1] as string, fraction: match[2] ?? '' };
  });
  const places = Math.max(0, ...parsed.map((p) => p.fraction.length));
  const total = parsed.reduce((sum, p) => sum + BigInt(p.whole + p.fraction.padEnd(places, '0')), 0n);
  if (places === 0) return total.toString();
  const digits = total.toString().padStart(places + 1, '0');
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** The decimals a numeral is written with: 2 for 1.10, 0 for 5. */
export const decimalPlaces = (numeral: string) => numeral.split('.')[1]?.length ?? 0;

/** A parsed number as a numeral: its shortest round-trip form (how YAML wrote it, but for trailing zeros), never exponent notation. */
export function numeralOf(value: number): string {
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : text;
}
