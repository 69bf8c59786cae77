/**
 * Privacy guard for free text.
 *
 * The Coördinatiepunt collects bottlenecks, not client files: nothing that
 * identifies a client may be stored. This module finds fragments in Dutch free
 * text that look identifying (BSN, phone number, e-mail address, date of birth,
 * street address, postcode, titled personal name, IBAN) so the caller can refuse
 * the text with a message naming what looked identifying.
 *
 * Pure module: no I/O, no dependencies. All regular expressions are anchored on
 * word starts (look-behinds) and use bounded or unambiguous repetition, so a scan
 * is roughly linear in the length of the text.
 */

export type PrivacyFindingKind =
  | 'bsn'
  | 'phone'
  | 'email'
  | 'birthDate'
  | 'address'
  | 'postcode'
  | 'titledName'
  | 'iban'
  | 'recordNumber';

export interface PrivacyFinding {
  kind: PrivacyFindingKind;
  match: string;
  index: number;
}

// ---------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------

/** Horizontal whitespace only (a street and its number never span lines). */
const HWS = String.raw`[ \t\u00a0\u202f]`;
const WS = `${HWS}+`;

/** Lowercase a-z words, case-insensitively, without the `i` flag (which would also loosen capital checks). */
function ci(word: string): string {
  return [...word]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      if (lower === upper) return ch === '.' ? '\\.' : ch === ' ' ? WS : ch;
      return `[${lower}${upper}]`;
    })
    .join('');
}

/** When overlapping findings are merged, the kind with the highest number wins. */
const KIND_PRIORITY: Record<PrivacyFindingKind, number> = {
  email: 8, // an e-mail address may contain digits, names, anything
  iban: 7, // the account number of an IBAN also looks like a phone number
  phone: 6, // the subscriber part of +31 612345678 may pass the BSN 11-check
  bsn: 5,
  birthDate: 4,
  postcode: 3,
  address: 2,
  titledName: 1,
  recordNumber: 0, // a labelled number of another system: any more specific kind wins
};

interface Span {
  kind: PrivacyFindingKind;
  start: number;
  end: number;
}

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan(uari|uary)?$/, 1],
  [/^feb(r|ruari|ruary)?$/, 2],
  [/^(maart|mrt|mar|march)$/, 3],
  [/^apr(il)?$/, 4],
  [/^(mei|may)$/, 5],
  [/^(juni|jun|june)$/, 6],
  [/^(juli|jul|july)$/, 7],
  [/^aug(ustus|ust)?$/, 8],
  [/^sep(t|tember)?$/, 9],
  [/^(okt|oct)(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];

/** Dutch (and the common English) month names and abbreviations, longest first. */
const MONTH_NAMES =
  'januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august|september|oktober|october|november|december|' +
  'jan|febr|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec';

function monthNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  for (const [re, month] of MONTHS) if (re.test(n)) return month;
  return null;
}

// ---------------------------------------------------------------------------
// BSN
// ---------------------------------------------------------------------------

/**
 * The Dutch 11-proef for a BSN: 9 digits (or 8 with an implied leading zero),
 * 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, and not all zeros.
 */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{8,9}$/.test(digits)) return false;
  const d = digits.length === 8 ? `0${digits}` : digits;
  if (/^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(d[i]);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/**
 * Nine digits, contiguous or grouped 3-3-3 / 4-2-3 with one consistent
 * separator (space, dot or hyphen). Not part of a longer number, not an amount
 * (preceded by € / EUR or followed by euro).
 */
const BSN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|\p{N}[.,]|€${HWS}?|EUR${HWS}?)` +
    String.raw`(?:\d{9}|\d{3}([ .\-\u00a0])\d{3}\1\d{3}|\d{4}([ .\-\u00a0])\d{2}\2\d{3})` +
    String.raw`(?![\p{L}\p{N}]|[.,]\p{N}|${HWS}?(?:euro|EUR|€))`,
  'gu',
);

function findBsns(text: string, out: Span[]): void {
  for (const m of text.matchAll(BSN_RE)) {
    if (isValidBsn(m[0].replace(/\D/g, ''))) out.push({ kind: 'bsn', start: m.index, end: m.index + m[0].length });
  }
}

// ---------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------

/** A separator between digit groups of a phone number: '-', '.', '/' (optionally spaced) or one space. */
const PHONE_SEP = String.raw`(?:${HWS}?[-./]${HWS}?|${HWS})`;

/**
 * A "run" that may hold a Dutch phone number: it starts with +31, 0031, a
 * parenthesised area code or a 0, and continues with digit groups joined by
 * single separators. Bounded repetition keeps a rejected run cheap to retry.
 * The run may be longer than the number; `phoneLength` decides.
 */
const PHONE_RUN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}_+]|\p{N}[.,])` +
    String.raw`(?:\+31[\d()]{0,14}|\(0\d{1,4}\)|0[\d()]{0,14})` +
    String.raw`(?:${PHONE_SEP}\(?\d[\d()]{0,12}){0,8}`,
  'gu',
);

/** Opening hours like 08.30-12.30 are not phone numbers. */
const TIME_RANGE_RE = /\d{1,2}[.:]\d{2}\s?[-–]\s?\d{1,2}[.:]\d{2}/;

/**
 * Length of the Dutch phone number at the start of `run`, or null. Digits are
 * counted group by group; the number must end exactly at a group boundary:
 * 10 digits for a domestic number (0 + area code or 6 + subscriber), 9 digits
 * after +31 / 0031 (an optional "(0)" or leading 0 is ignored).
 */
function phoneLength(run: string): number | null {
  const groups = [...run.matchAll(/\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: m[0] }));
  const [g0, g1, g2] = groups;
  if (!g0) return null;
  // d-m-yyyy at the start: a date, not a phone number.
  if (g1 && g2 && g0.digits.length <= 2 && g1.digits.length <= 2 && g2.digits.length === 4) return null;

  let end: number | null = null;
  const international = run.startsWith('+31') || g0.digits.startsWith('0031');
  if (international) {
    const prefix = run.startsWith('+31') ? 2 : 4;
    let count = 0;
    let started = false;
    for (const [i, g] of groups.entries()) {
      let digits = i === 0 ? g.digits.slice(prefix) : g.digits;
      if (!started) {
        // "+31 (0)6 ..." – the trunk zero in parentheses is not dialled.
        if (digits === '0' && run[g.start - 1] === '(' && run[g.end] === ')') continue;
        // "+31 06 ..." – a common mistake, same number.
        if (digits.startsWith('0')) digits = digits.slice(1);
        if (digits === '') continue;
        if (digits.startsWith('0')) return null;
        started = true;
      }
      count += digits.length;
      if (count === 9) {
        end = g.end;
        break;
      }
      if (count > 9) return null;
    }
  } else {
    const d = g0.digits;
    if (d.length < 2 || d[0] !== '0' || d[1] === '0') return null;
    // The only two-digit "area code" is 06 (mobile); 08.30 etc. are times.
    if (d.length === 2 && d !== '06') return null;
    let count = 0;
    for (const g of groups) {
      count += g.digits.length;
      if (count === 10) {
        end = g.end;
        break;
      }
      if (count > 10) return null;
    }
  }
  if (end === null) return null;
  if (TIME_RANGE_RE.test(run.slice(0, end))) return null;
  return end;
}

function findPhones(text: string, out: Span[]): void {
  const re = new RegExp(PHONE_RUN_RE.source, PHONE_RUN_RE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const len = phoneLength(m[0]);
    if (len !== null) {
      out.push({ kind: 'phone', start: m.index, end: m.index + len });
      re.lastIndex = m.index + len;
    } else {
      // The run may hide a number further on ("01-03-2026 0612345678").
      re.lastIndex = m.index + 1;
    }
  }
}

// ---------------------------------------------------------------------------
// E-mail and IBAN
// ---------------------------------------------------------------------------

/** local@domain.tld – starts only at the beginning of a token, so it stays linear. */
const EMAIL_RE =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** Dutch IBAN: NL, 2 check digits, 4-letter bank code, 10 digits; optional spaces between the usual groups of 4. */
const IBAN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[Nn][Ll]\d{2}${HWS}?[A-Za-z]{4}${HWS}?\d{4}${HWS}?\d{4}${HWS}?\d{2}(?![\p{L}\p{N}])`,
  'gu',
);

function findSimple(text: string, re: RegExp, kind: PrivacyFindingKind, out: Span[]): void {
  for (const m of text.matchAll(re)) out.push({ kind, start: m.index, end: m.index + m[0].length });
}

// ---------------------------------------------------------------------------
// Record numbers of other systems
// ---------------------------------------------------------------------------

/**
 * A number from another system's file, recognised by its label: dossier-,
 * cliënt-, patiënt-, parket-, zaak-, registratie-, detentie-, vonnis- or
 * CJIB-nummer (also `nr`/`nr.`), followed by an optional colon and a code that
 * holds at least four digits (`parketnummer 10/123456-23`, `dossiernr.
 * AB-20231234`). The label makes the number identifying; a bare number is not.
 */
const RECORD_NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:${['dossier', 'cliënt', 'client', 'patiënt', 'patient', 'parket', 'zaak', 'registratie', 'detentie', 'vonnis', 'cjib', 'bsn-', 'v-', 'politie-', 'reclasserings', 'ketenregistratie', 'inschrijf']
    .map(ci)
    .join('|')})(?:${ci('nummer')}|${ci('nr')}\.?)${HWS}*:?${HWS}*(?=[\p{L}\p{N}/-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}/-]*(?<=(?:\p{N}[^\p{N}]*){4})`,
  'gu',
);

// ---------------------------------------------------------------------------
// Dates of birth
// ---------------------------------------------------------------------------

/** d-m-yyyy, d/m/yyyy, d.m.yyyy; d-m-yy and d/m/yy (not d.m.yy: that is paragraph numbering). */
const DATE_DMY_RE = /(?<![\p{L}\p{N}]|\p{N}[-./])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[-/.]\p{N})/gu;
/** yyyy-mm-dd */
const DATE_ISO_RE = /(?<![\p{L}\p{N}]|\p{N}-)(\d{4})-(\d{1,2})-(\d{1,2})(?![\p{L}\p{N}]|-\p{N})/gu;
/** 12 maart 1985, 12 mrt. 1985 */
const DATE_TEXT_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\d{1,2})${WS}(${MONTH_NAMES})(?![\p{L}])\.?${WS}(\d{4})(?![\p{L}\p{N}])`,
  'giu',
);
/** A bare year (1900–2099) or '85, used only after a birth keyword. */
const BARE_YEAR_RE = /(?<![\p{L}\p{N}€]|\p{N}[-./,])(?:(?:19|20)\d{2}|['’]\d{2})(?![\p{L}\p{N}]|[.,]\p{N})/gu;
/** Words that announce a date of birth. */
const BIRTH_KEYWORD_RE = /(?<![\p{L}])(?:geboren|geboortedatum|geboortejaar|geb\.?|d\.o\.b\.?|dob)(?![\p{L}])/giu;

interface DateHit {
  start: number;
  end: number;
  year: number;
}

function fullYear(y: string, now: Date): number {
  if (y.length === 4) return Number(y);
  const yy = Number(y);
  const nowYy = now.getUTCFullYear() % 100;
  return yy <= nowYy ? 2000 + yy : 1900 + yy;
}

function findFullDates(text: string, now: Date): DateHit[] {
  const hits: DateHit[] = [];
  const push = (start: number, len: number, day: number, month: number, year: number): void => {
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) hits.push({ start, end: start + len, year });
  };
  for (const m of text.matchAll(DATE_DMY_RE)) {
    const [, d, sep, mo, y] = m;
    if (!d || !mo || !y) continue;
    if (y.length === 2 && sep === '.') continue;
    push(m.index, m[0].length, Number(d), Number(mo), fullYear(y, now));
  }
  for (const m of text.matchAll(DATE_ISO_RE)) {
    const [, y, mo, d] = m;
    if (!d || !mo || !y) continue;
    push(m.index, m[0].length, Number(d), Number(mo), Number(y));
  }
  for (const m of text.matchAll(DATE_TEXT_RE)) {
    const [, d, name, y] = m;
    if (!d || !name || !y) continue;
    const month = monthNumber(name);
    if (month !== null) push(m.index, m[0].length, Number(d), month, Number(y));
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** How many words may stand between a birth keyword and the date ("geboren op 12 maart 1985", "geboren in Rotterdam in 1985"). */
const MAX_WORDS_AFTER_KEYWORD = 4;

function findBirthDates(text: string, now: Date, out: Span[]): void {
  const dates = findFullDates(text, now);
  // Rule 1: any full date at least 16 years back could be a date of birth of an adult client.
  const cutoffYear = now.getUTCFullYear() - 16;
  for (const d of dates) if (d.year <= cutoffYear) out.push({ kind: 'birthDate', start: d.start, end: d.end });

  // Rule 2: the first date or bare year shortly after a birth keyword.
  const keywords = [...text.matchAll(BIRTH_KEYWORD_RE)];
  if (keywords.length === 0) return;
  const candidates: Array<{ start: number; end: number }> = [...dates];
  for (const m of text.matchAll(BARE_YEAR_RE)) candidates.push({ start: m.index, end: m.index + m[0].length });
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  for (const k of keywords) {
    const from = k.index + k[0].length;
    const next = candidates.find((c) => c.start >= from);
    if (!next) continue;
    const between = text.slice(from, next.start);
    if (between.length > 60 || /[\r\n]/.test(between) || /[.!?;]\s+\p{Lu}/u.test(between)) continue;
    const words = between.match(/[^\s]+/g)?.length ?? 0;
    if (words <= MAX_WORDS_AFTER_KEYWORD) out.push({ kind: 'birthDate', start: next.start, end: next.end });
  }
}

// ---------------------------------------------------------------------------
// Street + house number
// ---------------------------------------------------------------------------

/** Endings of Dutch street names, longest first where one is a tail of another. */
const STREET_SUFFIXES = [
  'straatweg', 'straatje', 'straat', 'laantje', 'laan', 'weg', 'pleintje', 'plein', 'gracht', 'kade', 'singel',
  'dijk', 'dreef', 'hofje', 'hoven', 'hof', 'pad', 'steegje', 'steeg', 'plantsoen', 'park', 'markt', 'burgwal',
  'ring', 'baan', 'kanaal', 'haven', 'wal', 'veld', 'erf', 'boulevard', 'allee', 'promenade', 'poort', 'werf',
  'vest', 'zijde', 'weide', 'akker', 'gaarde',
];
/** Capitalised suffixes that can be a whole word after a prefix ("Grote Markt", "Oude Gracht"). */
const BARE_STREET_WORDS = [
  'Straat', 'Laan', 'Weg', 'Plein', 'Gracht', 'Kade', 'Singel', 'Dijk', 'Dreef', 'Hof', 'Steeg', 'Plantsoen',
  'Park', 'Markt', 'Burgwal', 'Ring', 'Baan', 'Kanaal', 'Haven', 'Wal', 'Veld', 'Boulevard', 'Allee', 'Dam', 'Vest',
];
/** Words that open many street names ("Prins Hendrikkade", "Nieuwe Binnenweg", "Burgemeester de Withstraat"). */
const STREET_PREFIX_WORDS = [
  'Lange', 'Korte', 'Oude', 'Nieuwe', 'Hoge', 'Lage', 'Grote', 'Kleine', 'Achter', 'Binnen', 'Buiten', 'Noord',
  'Zuid', 'Oost', 'West', 'Noordelijke', 'Zuidelijke', 'Oostelijke', 'Westelijke', 'Burgemeester', 'Koningin',
  'Koning', 'Prins', 'Prinses', 'Graaf', 'Hertog', 'Generaal', 'Dokter', 'Professor', 'Pastoor', 'Kapitein',
  'Admiraal', 'Sint',
];
/** Abbreviations in street names ("Burg.", "St.", "Mr.") and initials ("J.P."). */
const STREET_ABBR = String.raw`(?:(?:Burg|Burgem|St|Dr|Prof|Mr|Gen|Kon|Pr|Ds|Mgr|Jhr|Lt|Kapt|Adm|Past|Gebr|Ir)\.|(?:\p{Lu}\.){1,3})`;
const CAP_PARTICLE = String.raw`(?:Van|De|Der|Den|Het|Ter|Ten|Te|['’]t)`;
const LC_PARTICLE = String.raw`(?:van|de|der|den|het|ter|ten|te|['’]t)`;
/** One opening token plus any lowercase particles after it ("Burg. de", "Van", "Prins"). */
const STREET_PREFIX_TOKEN = String.raw`(?:${STREET_ABBR}|(?:${STREET_PREFIX_WORDS.join('|')})(?![\p{L}])|${CAP_PARTICLE}(?![\p{L}]))${WS}(?:${LC_PARTICLE}${WS}){0,3}`;
/** A capitalised word ending in a street suffix: "Kerkstraat", "Goghstraat", "Withstraat". */
const STREET_COMPOUND = String.raw`\p{Lu}[\p{L}'’-]*?(?:${STREET_SUFFIXES.join('|')})(?![\p{L}])`;
/** "Laan van Meerdervoort", "Laan op Zuid": suffix word, preposition/particles, capitalised name. */
const STREET_LEADING_SUFFIX = String.raw`(?:Laan|Weg|Plein|Straat|Kade|Singel|Dreef|Park|Pad|Ring|Boulevard|Allee)${WS}(?:van|naar|op|over|aan|bij|de|der|den|ter|ten)(?:${WS}${LC_PARTICLE}){0,2}${WS}\p{Lu}[\p{L}'’-]+(?:${WS}\p{Lu}[\p{L}'’-]+)?`;
/** "Lange Voorhout", "Korte Poten": a few adjectives open street names without a suffix. */
const STREET_ADJECTIVE_NAME = String.raw`(?:Lange|Korte|Oude|Nieuwe|Hoge|Lage)${WS}(?!Raad(?![\p{L}]))\p{Lu}\p{Ll}+`;

/**
 * House number: 1–4 digits without leading zero, optional addition
 * ("12a", "3-II", "12-1", "7 bis", "12 A", "5-hs").
 */
const HOUSE_NUMBER = String.raw`[1-9]\d{0,3}(?:[a-zA-Z](?![\p{L}])|${HWS}?-${HWS}?(?:[1-9]\d{0,2}|[IVX]{1,4}|hs|bis|[a-zA-Z])(?![\p{L}\p{N}])|${HWS}(?:bis|hs|huis|[IVX]{1,4}|[A-Z])(?![\p{L}\p{N}]))?(?![\p{L}\p{N}%]|[.,]\p{N})`;

/** A number followed by a month or a count noun is a date or a quantity, not a house number. */
const NOT_AFTER_HOUSE_NUMBER = String.raw`(?!${WS}(?:${MONTH_NAMES}|cliënten|clienten|cliënt|client|casussen|casus|keer|maal|jaar|jaren|maanden|maand|weken|week|dagen|dag|uur|uren|plekken|plaatsen|personen|mensen|bedden|woningen|procent|euro|fte|gemeenten|regio's|regio)(?![\p{L}]))`;

const ADDRESS_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])` +
    '(?:' +
    [
      `(?:${STREET_PREFIX_TOKEN}){0,3}${STREET_COMPOUND}`,
      String.raw`(?:${STREET_PREFIX_TOKEN}){1,3}(?:${BARE_STREET_WORDS.join('|')})(?![\p{L}])`,
      String.raw`(?:Markt|Plein|Dam)(?![\p{L}])`,
      STREET_LEADING_SUFFIX,
      STREET_ADJECTIVE_NAME,
    ].join('|') +
    ')' +
    `${WS}(?<number>${HOUSE_NUMBER})${NOT_AFTER_HOUSE_NUMBER}`,
  'gu',
);

/** Capitalised compounds with a street suffix that are ordinary words in this domain. */
const NOT_A_STREET = new Set([
  'zorgpad', 'behandelpad', 'leerpad', 'groeipad', 'ontwikkelpad', 'stappenpad', 'loopbaan', 'werkveld',
  'speelveld', 'zorgveld', 'beleidsveld', 'krachtenveld', 'aandachtsveld', 'middenveld', 'gerechtshof',
  'uitweg', 'omweg', 'snelweg', 'escalatieweg', 'zorgmarkt', 'woningmarkt', 'arbeidsmarkt', 'meldkanaal',
  'chatkanaal', 'barneveld', 'hardinxveld', 'bestuurslaag', 'werkerf',
]);

function findAddresses(text: string, out: Span[]): void {
  for (const m of text.matchAll(ADDRESS_RE)) {
    const num = m.groups?.['number'] ?? '';
    const numberStart = m.index + m[0].length - num.length;
    const streetPart = text.slice(m.index, numberStart).trim();
    const lastWord = (streetPart.split(/\s+/).pop() ?? '').toLowerCase();
    if (NOT_A_STREET.has(lastWord)) continue;
    // "Financiering 2", "Uitvoering 3": a vowel before -ring makes it a verb noun, not a ring road.
    if (/[aeiouy]ring$/.test(lastWord)) continue;
    // 4-digit numbers 1900–2099 after a street word are nearly always years ("Woningmarkt 2025").
    if (/^(19|20)\d\d$/.test(num.match(/^\d+/)?.[0] ?? '')) continue;
    out.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
}

// ---------------------------------------------------------------------------
// Postcode
// ---------------------------------------------------------------------------

/**
 * 4 digits (first 1–9) and 2 letters. Uppercase letters with or without one
 * space; lowercase only when glued to the digits ("1234ab"). The letter pairs
 * SA, SD and SS are never issued.
 */
const POSTCODE_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,€]|€${HWS})([1-9]\d{3})(${HWS}?)([A-Za-z]{2})(?![\p{L}\p{N}])`,
  'gu',
);
/**
 * Uppercase pairs that are ordinary words or abbreviations in this domain
 * ("in 2024 OM en reclassering", "2025 EN 2026", "1500 BW-plekken"). After a
 * year they never count as a postcode; after other digits only when a
 * capitalised place name follows ("3011 OM Rotterdam"). Judgement call: a real
 * postcode with one of these letter pairs written without a place name passes.
 */
const POSTCODE_WORD_PAIRS = new Set([
  'EN', 'OF', 'IN', 'OP', 'OM', 'TE', 'AL', 'NA', 'BW', 'MO', 'VG', 'PI', 'ZN', 'GZ', 'EU', 'NL', 'BV', 'NV',
  'VO', 'PO', 'SO', 'WO', 'TV', 'OK', 'AI', 'IT', 'AM', 'PM', 'HR', 'PV', 'KW', 'GG', 'LA', 'RE', 'ZO',
]);
/** Lowercase glued pairs that are units or words ("1500km", "2000mg"). */
const POSTCODE_LOWER_WORDS = new Set([
  'km', 'kg', 'mg', 'ml', 'cl', 'cm', 'mm', 'ha', 'kw', 'mw', 'gb', 'mb', 'kb', 'jr', 'st', 'pp', 'eu', 'ct',
  'pk', 'en', 'of', 'in', 'op', 'om', 'te', 'na', 'al', 'uu', 'hr', 'th', 'nd', 'rd',
]);
/** A capitalised place name right after a postcode ("1234 AB Utrecht", "1234 AB, Utrecht"). */
const PLACE_FOLLOWS_RE = new RegExp(String.raw`^,?${HWS}+\p{Lu}\p{Ll}`, 'u');
const FORBIDDEN_POSTCODE_LETTERS = new Set(['SA', 'SD', 'SS']);

function findPostcodes(text: string, out: Span[]): void {
  for (const m of text.matchAll(POSTCODE_RE)) {
    const [whole, digits = '', space = '', letters = ''] = m;
    if (letters === letters.toUpperCase()) {
      if (FORBIDDEN_POSTCODE_LETTERS.has(letters)) continue;
      if (POSTCODE_WORD_PAIRS.has(letters)) {
        const isYear = /^(19|20)\d\d$/.test(digits);
        const placeFollows = PLACE_FOLLOWS_RE.test(text.slice(m.index + whole.length, m.index + whole.length + 8));
        if (isYear || !placeFollows) continue;
      }
    } else if (letters === letters.toLowerCase()) {
      if (space !== '' || POSTCODE_LOWER_WORDS.has(letters)) continue;
    } else {
      continue; // mixed case: "1500 Km"
    }
    out.push({ kind: 'postcode', start: m.index, end: m.index + whole.length });
  }
}

// ---------------------------------------------------------------------------
// Titled personal names
// ---------------------------------------------------------------------------

/** Titles (case-insensitive). Abbreviations may carry a dot; full words may not ("… om meneer. Hij …"). */
const TITLE = String.raw`(?:${ci('de heer')}|${ci('meneer')}|${ci('mevrouw')}|${ci('dhr')}\.?|${ci('mevr')}\.?|${ci('mvr')}\.|${ci('mw')}\.|${ci('mr')}\.|${ci('mej')}\.?)`;
/** Academic titles that may follow ("mr. drs. Jansen"). */
const EXTRA_TITLES = String.raw`(?:(?:${ci('drs')}|${ci('dr')}|${ci('ir')}|${ci('ing')}|${ci('prof')}|${ci('mr')})\.${HWS}*){0,3}`;
/** Initials: "J.", "J.P.", "J. P.". */
const INITIALS = String.raw`(?:\p{Lu}\.${HWS}*){1,4}`;
/** Surname particles, any capitalisation of the first letter ("van der", "De", "El"). */
const NAME_PARTICLES = [
  'van', 'de', 'der', 'den', 'ter', 'ten', 'te', 'het', "'t", '’t', 'op', 'in', 'la', 'le', 'el', 'al', 'da',
  'di', 'du', 'dos', 'das', 'del', 'von', 'zu', 'ben', 'bin', 'abu', 'ibn', 'mac', 'mc', 'o',
];
const NAME_PARTICLE = String.raw`(?:${NAME_PARTICLES.map((p) => `[${p[0]?.toLowerCase()}${p[0]?.toUpperCase()}]${p.slice(1)}`).join('|')})`;
/** Capitalised surname of at least 2 letters, optionally a double name ("Jansen-de Vries"). */
const SURNAME = String.raw`\p{Lu}[\p{L}'’]+(?:-(?:${LC_PARTICLE}${WS})*\p{Lu}[\p{L}'’]+)*(?![\p{L}])`;

const TITLED_NAME_RE = new RegExp(
  String.raw`(?<![\p{L}])${TITLE}(?:(?<=\.)${HWS}*|${HWS}+)${EXTRA_TITLES}(?<initials>${INITIALS})?(?<particles>(?:${NAME_PARTICLE}${WS}){0,3})(?<surname>${SURNAME})`,
  'gu',
);

/** Capitalised words that follow "meneer X." or "mevrouw" at a sentence start, not surnames. */
const NOT_A_SURNAME = new Set(
  (
    'hij zij ze het de een er dit deze die dat wij we ik in op na voor sinds nu toen daarna daarom daardoor daar ' +
    'ook maar en of omdat als wanneer hem haar hun u bij met zonder vanuit vanaf tot tijdens volgens over per om ' +
    'aan uit door zijn is was heeft had wordt werd kan moet wil zal gaat komt krijgt verblijft woont zit staat ' +
    'blijft cliënt client betrokkene meneer mevrouw wel niet geen alle veel iedereen ondanks hoewel zowel verder ' +
    'vervolgens inmiddels momenteel helaas gelukkig wat wie waar hoe welke waarom eerder later vandaag gisteren ' +
    'morgen binnenkort hierna hierdoor zo dus toch echter geboren kreeg ging kwam verbleef ontvangt wilde gaf ' +
    'geeft vertelt zegt zei meldt meldde kon mag moest zou bleek blijkt lijkt stond loopt liep volgt vanwege ' +
    'doordat terwijl nadat voordat zodra totdat indien tenzij hierbij daarbij bovendien tevens alleen nog pas ' +
    'wegens namens via contact adres telefoon tel email mail zie graag groet groeten mijn onze ons jouw uw ' +
    'zorgkantoor gemeente reclassering politie advocaat coördinator regio casus knelpunt indicatie ' +
    'wlz wmo wvggz wzd wfz zvw tbs pi ggz'
  ).split(' '),
);

function findTitledNames(text: string, out: Span[]): void {
  for (const m of text.matchAll(TITLED_NAME_RE)) {
    const surname = m.groups?.['surname'] ?? '';
    const particles = (m.groups?.['particles'] ?? '').trim();
    const firstPart = surname.split('-')[0] ?? surname;
    // Pseudonym codes and acronyms: "meneer AB", "mevrouw XYZ".
    if (/^\p{Lu}{2,3}$/u.test(firstPart)) continue;
    // Sentence words after a pseudonym letter: "mevrouw Y. Zij heeft …".
    if (particles === '' && NOT_A_SURNAME.has(firstPart.toLowerCase())) continue;
    out.push({ kind: 'titledName', start: m.index, end: m.index + m[0].length });
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * All identifying fragments in `text`, in order of position, overlapping
 * findings merged (keep the most specific kind). `now` is used for the
 * date-of-birth plausibility rule.
 */
export function scanForIdentifiers(text: string, now: Date): PrivacyFinding[] {
  const spans: Span[] = [];
  findSimple(text, EMAIL_RE, 'email', spans);
  findSimple(text, IBAN_RE, 'iban', spans);
  findPhones(text, spans);
  findBsns(text, spans);
  findBirthDates(text, now, spans);
  findPostcodes(text, spans);
  findAddresses(text, spans);
  findTitledNames(text, spans);
  findSimple(text, RECORD_NUMBER_RE, 'recordNumber', spans);

  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (KIND_PRIORITY[s.kind] > KIND_PRIORITY[last.kind]) last.kind = s.kind;
    } else {
      merged.push({ ...s });
    }
  }
  return merged.map((s) => ({ kind: s.kind, match: text.slice(s.start, s.end), index: s.start }));
}

/**
 * A masked rendering of a match safe to show back to the user. Letters and
 * digits are "significant"; other characters (separators, '@', '.') keep their
 * place so the shape stays recognisable. At most the first 2 and last 2
 * significant characters are kept (1 and 1 for 5–7 significant characters);
 * matches of at most 4 characters show only their first character.
 *
 *   maskMatch('06-12345678')  === '06-••••••78'
 *   maskMatch('1234 AB')      === '1••• •B'
 *   maskMatch('1985')         === '1•••'
 */
export function maskMatch(match: string): string {
  const chars = Array.from(match);
  if (chars.length <= 4) return chars.map((c, i) => (i === 0 ? c : '•')).join('');
  const isSignificant = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);
  const total = chars.filter(isSignificant).length;
  const keep = total >= 8 ? 2 : total >= 5 ? 1 : 0;
  let seen = 0;
  return chars
    .map((c, i) => {
      if (!isSignificant(c)) return c;
      seen += 1;
      const keepFirst = seen <= keep || (keep === 0 && i === 0);
      const keepLast = seen > total - keep;
      return keepFirst || keepLast ? c : '•';
    })
    .join('');
}
