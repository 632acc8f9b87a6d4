/** Text and attribute values for HTML: the five characters that could end or start markup, as references. */
const REFERENCES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => REFERENCES[char] ?? char);

/** Text with the model's forced line breaks (`\n`) as `<br>`. */
export const textWithBreaks = (text: string): string => text.split('\n').map(escapeHtml).join('<br>');
