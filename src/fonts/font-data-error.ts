/** The font's bytes do not make a usable font; the message is short English for the diagnostic. */
export class FontDataError extends Error {
  /** `file`: the font file, when the error travels beyond the code that knows it (font-set.ts). */
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}
