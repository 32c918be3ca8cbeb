/**
 * Built-in PII detectors. Each finds spans in a string; `findPii` merges them without overlaps.
 * Card numbers and IBANs carry check digits, so they are flagged only when the checksum holds;
 * e-mail addresses and phone numbers have none and rely on the shape heuristics documented below.
 */
export const DETECTOR_NAMES = ['email', 'phone', 'payment_card', 'iban'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** A half-open range `[start, end)` of a string and what found it. */
export interface PiiSpan {
  start: number;
  end: number;
  detector: string;
}

type Finder = (text: string) => PiiSpan[];

// The at sign may be written full-width (`＠`, U+FF20) or small (`﹫`, U+FE6B), as people do to slip
// past filters; the rest of the address is plain ASCII (an address that is not, does not deliver).
const AT_SIGNS = /[@\uFF20\uFE6B]/;
const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9._%+-]+[@\uFF20\uFE6B][A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}(?![\w-])/g;

/**
 * Phone heuristic. A candidate is an optional `+`, then digit groups joined by one space or dash,
 * where a group may be wrapped in parentheses: `+1 (555) 123-4567`, `030 1234567`, `0151-12345678`.
 * Dots are not separators here, so decimals (`1234.56`), versions and IP addresses never form a candidate,
 * and a candidate touching a letter, digit, `_` or a decimal point is ignored. A candidate is a phone when
 * - it has 8 to 15 digits (E.164 allows at most 15), so card numbers and long ids are too long; and
 * - it is not shaped like a date (`2024-01-31`, `31-01-2024`); and
 * - it starts with `+`, or it is grouped (a separator or parentheses), or it is one run of digits that
 *   starts with a single national trunk `0` (`015112345678`). A bare run like `1706659200`, `20240131`
 *   or `00012345` is an id, a timestamp or an amount more often than a phone, so it is left alone.
 * Dot-separated numbers are a second shape, checked apart (see `isDottedPhone`). Known over-match:
 * amounts written with space thousands separators (`1 234 567 890`) are taken for phones.
 */
const PHONE_CANDIDATE = /(?<![\w.+])\+?(?:\(\d+\) ?|\d+[ -])*\d+(?![\w+]|[.,]\d)/g;
const DATE_SHAPED = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4})$/;

function isPhone(candidate: string): boolean {
  if (!hasPhoneDigits(candidate) || DATE_SHAPED.test(candidate)) return false;
  return candidate.startsWith('+') || /[ ()-]/.test(candidate) || /^0[1-9]/.test(candidate);
}

const hasPhoneDigits = (candidate: string) => {
  const digits = digitCount(candidate);
  return digits >= 8 && digits <= 15;
};

/**
 * Dot-separated phones: digit groups joined by single dots, in one of the shapes phones are written and
 * other dotted numbers are not:
 * - `+`, a 1–3 digit country code and at least two more groups (`+49.151.12345678`): nothing else
 *   dotted starts with `+`, and a signed decimal (`+0.123456789`) has one dot;
 * - the North American 3.3.4 (`555.123.4567`): an IPv4 address has no 4-digit group, a version or a date
 *   not this shape;
 * - a national trunk `0` starting a 3–5 digit area code, then one or two groups (`0151.12345678`,
 *   `030.123.4567`): dotted dates start with a 2- or 4-digit group (`01.02.2024`, `2024.01.31`).
 * With 8 to 15 digits, as every phone. Decimals (one dot, no trunk `0`), IPv4 addresses and versions
 * (`10.0.19041.1234`) fit none.
 */
const DOTTED_PHONE_CANDIDATE = /(?<![\w.+])\+?\d+(?:\.\d+)+(?![\w+]|[.,]\d)/g;
const DOTTED_PHONE_SHAPES = /^(?:\+\d{1,3}(?:\.\d+){2,}|\d{3}\.\d{3}\.\d{4}|0[1-9]\d{1,3}(?:\.\d{2,8}){1,2})$/;

function isDottedPhone(candidate: string): boolean {
  return hasPhoneDigits(candidate) && DOTTED_PHONE_SHAPES.test(candidate);
}

/** Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 / ISO 7064 mod-97-10 check of an IBAN without spaces. */
export function ibanValid(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  let remainder = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const n = parseInt(ch, 36); // '0'..'9' → 0..9, 'A'..'Z' → 10..35
    remainder = (n > 9 ? remainder * 100 + n : remainder * 10 + n) % 97;
  }
  return remainder === 1;
}

// Cards and IBANs are written in groups (`4111 1111 1111 1111`, `DE89 3704 0044 …`). A run of groups can
// hold more than the number (`order 12 4111 1111 1111 1111`), so every window of whole groups is tried and
// the longest one whose checksum holds wins; one ungrouped 23-digit id has no window and is left alone.
// A run after `+` is a phone number in E.164 form, never a card.
const CARD_RUN = /(?<![A-Za-z0-9+])\d+(?:[ -]\d+)*(?![A-Za-z0-9])/g;
const IBAN_RUN = /(?<![A-Za-z0-9])[A-Za-z0-9]+(?: [A-Za-z0-9]+)*(?![A-Za-z0-9])/g;

interface GroupedNumber {
  run: RegExp;
  /** Whether a window may start at this group. */
  startsWith: (group: string) => boolean;
  valid: (compact: string) => boolean;
  maxLength: number;
}

const CARD: GroupedNumber = {
  run: CARD_RUN,
  startsWith: () => true,
  valid: (compact) => compact.length >= 13 && luhnValid(compact),
  maxLength: 19,
};

const IBAN: GroupedNumber = {
  run: IBAN_RUN,
  startsWith: (group) => /^[A-Za-z]{2}\d{2}/.test(group),
  valid: ibanValid,
  maxLength: 34,
};

function findGrouped(text: string, kind: GroupedNumber, detector: DetectorName): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(kind.run)) {
    const groups = [...match[0].matchAll(/[A-Za-z0-9]+/g)];
    for (let i = 0; i < groups.length; i++) {
      if (!kind.startsWith(groups[i][0])) continue;
      let found: number | undefined;
      for (let j = i, compact = ''; j < groups.length; j++) {
        compact += groups[j][0];
        if (compact.length > kind.maxLength) break;
        if (kind.valid(compact)) found = j;
      }
      if (found === undefined) continue;
      const end = groups[found].index + groups[found][0].length;
      spans.push({ start: match.index + groups[i].index, end: match.index + end, detector });
      i = found;
    }
  }
  return spans;
}

function findByRegex(text: string, pattern: RegExp, detector: string, accept: (m: string) => boolean = () => true): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0].length > 0 && accept(match[0])) spans.push({ start: match.index, end: match.index + match[0].length, detector });
  }
  return spans;
}

/** Digits in a string, counted without a regex (a pre-check that runs on every string of every decision). */
function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

const IBAN_START = /[A-Za-z]{2}\d{2}/;

/**
 * Each detector first asks a cheap question its every match implies (an `@`; 8 digits for a phone,
 * 13 for a card; a country code and check digits for an IBAN), so that most strings skip the regexes.
 */
export const DETECTORS: Readonly<Record<DetectorName, Finder>> = {
  email: (text) => (AT_SIGNS.test(text) ? findByRegex(text, EMAIL, 'email') : []),
  phone: (text) =>
    digitCount(text) >= 8
      ? [
          ...findByRegex(text, PHONE_CANDIDATE, 'phone', isPhone),
          ...(text.includes('.') ? findByRegex(text, DOTTED_PHONE_CANDIDATE, 'phone', isDottedPhone) : []),
        ]
      : [],
  payment_card: (text) => (digitCount(text) >= 13 ? findGrouped(text, CARD, 'payment_card') : []),
  iban: (text) => (IBAN_START.test(text) ? findGrouped(text, IBAN, 'iban') : []),
};

/** Custom patterns share the matching loop of the built-in detectors. */
export function findPattern(text: string, pattern: RegExp, name: string): PiiSpan[] {
  return findByRegex(text, pattern, name);
}

/**
 * Non-overlapping spans of everything found: the earliest start wins, then the longest span, then the
 * finder listed first, so an e-mail such as `+4915112345678@example.com` is one e-mail, not a phone.
 */
export function mergeSpans(spans: readonly PiiSpan[], order: readonly string[]): PiiSpan[] {
  const rank = (s: PiiSpan) => order.indexOf(s.detector);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));
  const kept: PiiSpan[] = [];
  for (const span of sorted) {
    if (kept.length === 0 || span.start >= kept[kept.length - 1].end) kept.push(span);
  }
  return kept;
}

/** Every span the given built-in detectors find in `text`, merged without overlaps. */
export function findPii(text: string, detectors: readonly DetectorName[] = DETECTOR_NAMES): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const name of detectors) for (const span of DETECTORS[name](text)) spans.push(span);
  return spans.length === 0 ? spans : mergeSpans(spans, detectors);
}

/**
 * Whether an integer given as a JSON number (or bigint) is a card number: 13–19 digits, Luhn-valid, and
 * a leading 2–6 (the major industry identifiers of card networks). The leading-digit rule keeps epoch
 * timestamps in milliseconds or microseconds (which start with 1) from being taken for cards.
 */
export function isCardNumber(value: number | bigint): boolean {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return false;
  const digits = value.toString();
  return /^[2-6]\d{12,18}$/.test(digits) && luhnValid(digits);
}
