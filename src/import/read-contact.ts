/** The contact reader: 网址 and 联系方式 as a report's preface states them. */
import { LOST_CHARS } from './decode';

/** 网址 and 联系方式 as the preamble states them; a phone keeps the characters lost in it (decode.ts), not cut short there. */
export function readContact(preamble: string): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  const website = /https?:\/\/[^\s）)，,；;]+/.exec(preamble);
  if (website) found.website = website[0];
  const contact: Record<string, unknown> = {};
  const patterns = {
    office: /请与(.+?)联系/,
    address: /地址[：:]\s*([^，,；;）)]+)/,
    phone: new RegExp(`电话[：:]\\s*([\\d\\-－—${LOST_CHARS}]+)`),
    postcode: /邮编[：:]\s*(\d{6})/,
  };
  for (const [key, pattern] of Object.entries(patterns)) {
    const match = pattern.exec(preamble);
    if (match) contact[key] = (match[1] as string).trim();
  }
  if (Object.keys(contact).length > 0) found.contact = contact;
  return found;
}
