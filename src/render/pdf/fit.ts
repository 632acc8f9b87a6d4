/**
 * Stage 4 (render/pdf): the one tolerance of every layout comparison. Positions and widths are sums
 * of floats (15.79 × 28, 28.99 × 3), so a value that fits exactly can come out a few ulps over its
 * room (86.972083035075 > 86.97208303507517) and push a line to the next page. 0.01 pt is far below
 * anything visible (a hairline is 0.25 pt) and far above float noise.
 */
export const LAYOUT_TOLERANCE_PT = 0.01;

/** Whether something `need` pt long fits into `room` pt, up to the layout tolerance. */
export const fitsIn = (need: number, room: number): boolean => need <= room + LAYOUT_TOLERANCE_PT;
