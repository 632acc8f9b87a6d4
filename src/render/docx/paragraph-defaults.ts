/**
 * The document-wide paragraph defaults docx 9.15 cannot write: Word's automatic space between East
 * Asian text and Latin letters (w:autoSpaceDE) or digits (w:autoSpaceDN) switched off, so
 * “2023年1月25日” sets without gaps as in a 公文 (and as the PDF does). docx knows only autoSpaceDN,
 * so both go into word/styles.xml's w:pPrDefault, which every paragraph style inherits.
 */

/** What docx writes for the defaults it leaves empty; a docx upgrade that changes it must fail loudly. */
const EMPTY_DEFAULTS = '<w:pPrDefault/>';
/** Word writes the off value as "0"; autoSpaceDE precedes autoSpaceDN in CT_PPrBase. */
const DEFAULTS = '<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/></w:pPr></w:pPrDefault>';

/** word/styles.xml with the paragraph defaults filled in. */
export function withParagraphDefaults(stylesXml: string): string {
  if (stylesXml.split(EMPTY_DEFAULTS).length !== 2) throw new Error(`word/styles.xml has no single ${EMPTY_DEFAULTS} to fill`);
  return stylesXml.replace(EMPTY_DEFAULTS, DEFAULTS);
}
