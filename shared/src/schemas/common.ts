import { z } from "zod";

export const uuid = z.uuid({ error: "编号格式不正确" });
export const idParam = z.object({ id: uuid });

/** Standard list query: page from 1, pageSize up to 100, sort as `field` or `-field`. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  sort: z.string().max(40).regex(/^-?[a-zA-Z]+$/).optional(),
});

/**
 * Text no database column or screen can hold: a NUL byte, or half of a UTF-16 surrogate pair (a broken
 * emoji). The server refuses both in every request (400 UNSAFE_TEXT); forms may check them early.
 */
export function hasUnsafeCharacters(text: string): boolean {
  // a loop, not a lookbehind regex: older phone browsers cannot parse lookbehind
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      index += 1;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

export const trimmedText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .refine((text) => !hasUnsafeCharacters(text), { error: `${label}里有无法识别的字符` });

/** Years a date in XinYuan can have: year 0000 or 10000 is a typo, and the database refuses year 0. */
const plausibleYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999;
};

/** An instant with its offset (ISO 8601), in a plausible year. */
export const isoDateTime = (error = "时间格式不正确") => z.iso.datetime({ offset: true, error }).refine(plausibleYear, { error: "时间超出了可以选择的范围" });

/** A calendar day YYYY-MM-DD, in a plausible year. */
export const isoDay = (error = "日期格式不正确") => z.iso.date({ error }).refine(plausibleYear, { error: "日期超出了可以选择的范围" });
