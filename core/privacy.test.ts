import { describe, expect, it } from 'vitest';
import { isValidBsn, maskMatch, scanForIdentifiers, type PrivacyFindingKind } from './privacy.js';

const NOW = new Date('2026-06-01T10:00:00Z');

function scan(text: string, now: Date = NOW): Array<[PrivacyFindingKind, string]> {
  return scanForIdentifiers(text, now).map((f) => [f.kind, f.match]);
}

function kinds(text: string, now: Date = NOW): PrivacyFindingKind[] {
  return scanForIdentifiers(text, now).map((f) => f.kind);
}

describe('isValidBsn', () => {
  it('accepts 9-digit numbers that pass the 11-proef', () => {
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('234567818')).toBe(true);
    expect(isValidBsn('612345671')).toBe(true);
    expect(isValidBsn('012345672')).toBe(true);
  });

  it('accepts 8 digits with an implied leading zero', () => {
    expect(isValidBsn('12345672')).toBe(true);
    expect(isValidBsn('98765437')).toBe(true);
    expect(isValidBsn('12345678')).toBe(false);
  });

  it('rejects numbers that fail the check', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('987654321')).toBe(false);
    expect(isValidBsn('123456783')).toBe(false);
  });

  it('rejects all zeros, wrong lengths and non-digits', () => {
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('00000000')).toBe(false);
    expect(isValidBsn('1234567')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('123.456.782')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });
});

describe('maskMatch', () => {
  it('keeps the first 2 and last 2 significant characters of long matches', () => {
    expect(maskMatch('06-12345678')).toBe('06-••••••78');
    expect(maskMatch('123456782')).toBe('12•••••82');
    expect(maskMatch('NL91ABNA0417164300')).toBe('NL••••••••••••••00');
  });

  it('keeps separators in place', () => {
    expect(maskMatch('123.456.782')).toBe('12•.•••.•82');
    expect(maskMatch('jan@example.nl')).toBe('ja•@•••••••.nl');
  });

  it('keeps only 1 + 1 characters for 5–7 significant characters', () => {
    expect(maskMatch('1234 AB')).toBe('1••• •B');
    expect(maskMatch('1234AB')).toBe('1••••B');
  });

  it('fully masks short matches except the first character', () => {
    expect(maskMatch('1985')).toBe('1•••');
    expect(maskMatch("'85")).toBe("'••");
    expect(maskMatch('a')).toBe('a');
    expect(maskMatch('')).toBe('');
  });

  it('never reveals the middle of a match', () => {
    for (const m of ['dhr. Jansen', 'Kerkstraat 12', '12-03-1985', '+31 6 12345678']) {
      const masked = maskMatch(m);
      expect(masked).toHaveLength(m.length);
      expect(masked).toContain('•');
      expect(masked.slice(3, -3)).not.toMatch(/[\p{L}\p{N}]{2}/u);
    }
  });
});

describe('scanForIdentifiers: BSN', () => {
  it('flags 9-digit numbers that pass the 11-proef, contiguous or grouped', () => {
    expect(scan('BSN 123456782.')).toEqual([['bsn', '123456782']]);
    expect(scan('bsn: 123.456.782')).toEqual([['bsn', '123.456.782']]);
    expect(scan('bsn 123 456 782')).toEqual([['bsn', '123 456 782']]);
    expect(scan('bsn 1234 56 782')).toEqual([['bsn', '1234 56 782']]);
    expect(scan('bsn 1234.56.782')).toEqual([['bsn', '1234.56.782']]);
  });

  it('does not flag 9-digit numbers that fail the check', () => {
    expect(scan('nummer 123456789')).toEqual([]);
    expect(scan('nummer 987.654.321')).toEqual([]);
  });

  it('does not flag parts of longer numbers or amounts', () => {
    expect(scan('1234567820')).toEqual([]);
    expect(scan('€ 123.456.782')).toEqual([]);
    expect(scan('123.456.782 euro')).toEqual([]);
    expect(scan('1.123.456.782')).toEqual([]);
  });
});

describe('scanForIdentifiers: phone', () => {
  it.each([
    '06-12345678',
    '06 1234 5678',
    '0612345678',
    '06 - 123 456 78',
    '06.12.34.56.78',
    '+31 6 12345678',
    '+31(0)6-12345678',
    '+31 (0)6 12345678',
    '0031 6 12345678',
    '+316 12345678',
    '010-1234567',
    '020 123 4567',
    '(070) 123 45 67',
    '0471-123456',
    '+31 20 123 4567',
  ])('flags %s', (phone) => {
    expect(scan(`Bel ${phone} na vijven.`)).toEqual([['phone', phone]]);
  });

  it('finds several numbers in one run', () => {
    expect(scan('0612345678 0698765432')).toEqual([
      ['phone', '0612345678'],
      ['phone', '0698765432'],
    ]);
    expect(scan('020-1234567/06-12345678')).toEqual([
      ['phone', '020-1234567'],
      ['phone', '06-12345678'],
    ]);
  });

  it('finds a number after a date', () => {
    expect(scan('op 01-03-2026 0612345678 gebeld')).toEqual([['phone', '0612345678']]);
  });

  it.each([
    'in 2025 en 2026',
    '€ 445.500 per jaar',
    '€21 per dag',
    '1500 cliënten',
    'op 01-03-2026 10 aanmeldingen',
    '08.30-12.30 13.00-17.00',
    'tussen 06.00 en 08.00 uur',
    'artikel 4.2 en maatregel 11',
    'postcode 1234 AB',
    'VC-2026-0042',
    '0,8 fte',
    'het 0800-nummer 0800-1234',
    '06-1234567',
    '0123 456 78',
  ])('does not flag %s', (text) => {
    expect(kinds(text)).not.toContain('phone');
  });
});

describe('scanForIdentifiers: e-mail', () => {
  it('flags e-mail addresses', () => {
    expect(scan('mail j.de-vries+lla@zorg.example.nl.')).toEqual([['email', 'j.de-vries+lla@zorg.example.nl']]);
    expect(scan('(info@voorbeeld.com)')).toEqual([['email', 'info@voorbeeld.com']]);
  });

  it('does not flag things that merely contain @', () => {
    expect(scan('overleg @ 14.00 uur')).toEqual([]);
    expect(scan('@jansen in Slack')).toEqual([]);
    expect(scan('naam@localhost')).toEqual([]);
  });
});

describe('scanForIdentifiers: date of birth', () => {
  it.each(['12-03-1985', '12/3/1985', '12.03.1985', '1985-03-12', '12 maart 1985', '12 mrt. 1985', '3 Mei 1979', '12/3/85'])(
    'flags the old full date %s',
    (date) => {
      expect(scan(`Datum: ${date}.`)).toEqual([['birthDate', date]]);
    },
  );

  it('flags a date or bare year after a birth keyword', () => {
    expect(scan('geboren in 1990')).toEqual([['birthDate', '1990']]);
    expect(scan('Geboortejaar: 2012')).toEqual([['birthDate', '2012']]);
    expect(scan('geb. 2-2-2015')).toEqual([['birthDate', '2-2-2015']]);
    expect(scan('geboortedatum 30-11-2011')).toEqual([['birthDate', '30-11-2011']]);
    expect(scan('DOB 1972')).toEqual([['birthDate', '1972']]);
    expect(scan('d.o.b. 2001')).toEqual([['birthDate', '2001']]);
    expect(scan('geboren in Paramaribo in 1979, sinds 2001 hier')).toEqual([['birthDate', '1979']]);
    expect(scan("geboren in '85")).toEqual([['birthDate', "'85"]]);
  });

  it('passes recent and future dates', () => {
    expect(scan('vrij op 15-03-2027')).toEqual([]);
    expect(scan('sinds 1 januari 2025')).toEqual([]);
    expect(scan('overgangsregeling tot 1-1-2025')).toEqual([]);
    expect(scan('vanaf 2026-07-01')).toEqual([]);
    expect(scan('in 2011 voor het eerst in beeld')).toEqual([]);
  });

  it('uses `now` for the 16-year rule', () => {
    expect(kinds('datum 1-9-2011', new Date('2026-06-01T00:00:00Z'))).toEqual([]);
    expect(kinds('datum 1-9-2011', new Date('2027-06-01T00:00:00Z'))).toEqual(['birthDate']);
  });

  it('does not reach far or across sentences from a keyword', () => {
    expect(scan('Geboren en getogen in de regio, sinds 2019 in beeld.')).toEqual([]);
    expect(scan('Geboortejaar is onbekend. In 2019 gedetineerd.')).toEqual([]);
    expect(scan('Geboortedatum bekend bij de coördinator.')).toEqual([]);
  });

  it('ignores non-dates and paragraph numbers', () => {
    expect(scan('paragraaf 4.1.10 en versie 1.2.85')).toEqual([]);
    expect(scan('32-13-1985')).toEqual([]);
  });
});

describe('scanForIdentifiers: address', () => {
  it.each([
    'Kerkstraat 12',
    'Van Goghstraat 12a',
    'Burg. de Withstraat 3-II',
    'Kerkweg 7 bis',
    'Lange Voorhout 5',
    'Prins Hendrikkade 108',
    'Grote Markt 3',
    'Oude Gracht 45',
    'Laan van Meerdervoort 120',
    'Hobbemakade 63-hs',
    'Vondelstraat 100-3',
    'Rijksstraatweg 12 A',
    'Molenweg 3A',
  ])('flags %s', (address) => {
    expect(scan(`Hij woont op ${address}, sinds kort.`)).toEqual([['address', address]]);
  });

  it('flags the street word and number when the opening word is not a known prefix', () => {
    expect(scan('Oudezijds Voorburgwal 5')).toEqual([['address', 'Voorburgwal 5']]);
    expect(scan('Jan van Galenstraat 56')).toEqual([['address', 'Galenstraat 56']]);
  });

  it.each([
    'maatregel 11',
    'knelpunt 5',
    'artikel 4.2',
    'de weg 3 keer',
    'Wlz 2',
    'level 3',
    'fase 2',
    'Financiering 2025',
    'Uitvoering 2 van de werkagenda',
    'Zorgpad 3',
    'Loopbaan 2',
    'Woningmarkt 2025',
    'Amsterdam 3 casussen',
    'Barneveld 4 cliënten',
    'Hoge Raad 3 juni 2025',
    'Kerkstraat 12 maart',
    'Stationsweg',
  ])('does not flag %s', (text) => {
    expect(kinds(text)).not.toContain('address');
  });
});

describe('scanForIdentifiers: postcode', () => {
  it('flags uppercase postcodes with or without space, lowercase only without', () => {
    expect(scan('1234 AB Utrecht')).toEqual([['postcode', '1234 AB']]);
    expect(scan('in 1234AB')).toEqual([['postcode', '1234AB']]);
    expect(scan('in 1234ab')).toEqual([['postcode', '1234ab']]);
    expect(scan('in 1234 ab')).toEqual([]);
  });

  it('respects the postcode alphabet', () => {
    expect(scan('0234 AB')).toEqual([]);
    expect(scan('1234 SS')).toEqual([]);
    expect(scan('1234 SA')).toEqual([]);
    expect(scan('1234 SD')).toEqual([]);
    expect(scan('1234 ABC')).toEqual([]);
    expect(scan('1234 Ab')).toEqual([]);
  });

  it('does not flag years followed by words or common abbreviations', () => {
    expect(scan('2025 en 2026')).toEqual([]);
    expect(scan('In 2024 EN 2025')).toEqual([]);
    expect(scan('sinds 2023 OM en reclassering')).toEqual([]);
    expect(scan('1500 BW-plekken')).toEqual([]);
    expect(scan('2000mg per dag, 1500km')).toEqual([]);
  });

  it('flags an abbreviation-like pair when a place name follows a non-year', () => {
    expect(scan('3011 OM Rotterdam')).toEqual([['postcode', '3011 OM']]);
  });
});

describe('scanForIdentifiers: titled names', () => {
  it.each([
    'dhr. Jansen',
    'dhr Jansen',
    'Dhr.Jansen',
    'de heer Bakker',
    'De heer A. Bouzid',
    'mevr. Pietersen',
    'mevr Hendriks',
    'mw. De Wit',
    'meneer Peters',
    'mevrouw De Vries',
    'meneer J.P. van den Berg',
    'Mevr. El Amrani',
    'mr. Visser',
    'mr. drs. P. Verbeek',
    'mej. Hoekstra',
    'mevrouw Jansen-de Vries',
    "mevrouw O'Neill",
    'MEVROUW Öztürk',
  ])('flags %s', (name) => {
    expect(scan(`Gesprek met ${name} gepland.`)).toEqual([['titledName', name]]);
  });

  it.each([
    'meneer X is dakloos',
    'mevrouw Y. heeft een indicatie',
    'mevrouw Y. Zij heeft drie kinderen',
    'meneer is dakloos',
    'De heer in kwestie werkt mee',
    'meneer AB zit in detentie',
    'Het gaat om meneer. Hij wil niet',
    'mevrouw jansen',
    'meneer Z. is onbereikbaar',
    'Dhr. X. Geboren in Utrecht',
    'mevrouw Q. Sinds maart in de opvang',
  ])('does not flag %s', (text) => {
    expect(kinds(text)).not.toContain('titledName');
  });
});

describe('scanForIdentifiers: IBAN', () => {
  it('flags Dutch IBANs with and without spaces', () => {
    expect(scan('NL91ABNA0417164300')).toEqual([['iban', 'NL91ABNA0417164300']]);
    expect(scan('rekening NL91 ABNA 0417 1643 00.')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
    expect(scan('nl91abna0417164300')).toEqual([['iban', 'nl91abna0417164300']]);
  });

  it('does not flag near misses', () => {
    expect(scan('NL91ABNA041716430')).toEqual([]);
    expect(scan('XNL91ABNA0417164300')).toEqual([]);
  });
});

describe('scanForIdentifiers: ordering and merging', () => {
  it('returns findings in order of position with their index', () => {
    const text = 'Mail a.b@c.nl, bel 0612345678, BSN 123456782.';
    const findings = scanForIdentifiers(text, NOW);
    expect(findings.map((f) => f.kind)).toEqual(['email', 'phone', 'bsn']);
    for (const f of findings) expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
  });

  it('merges the phone-like account number into the IBAN', () => {
    expect(scan('NL91 ABNA 0417 1643 00')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
  });

  it('merges a BSN-valid subscriber number into the phone number', () => {
    expect(isValidBsn('612345671')).toBe(true);
    expect(scan('+31 612345671')).toEqual([['phone', '+31 612345671']]);
  });

  it('merges a phone number inside an e-mail address into the e-mail', () => {
    expect(scan('0612345678@sms.example.nl')).toEqual([['email', '0612345678@sms.example.nl']]);
  });

  it('merges a title that is part of a street name into the address', () => {
    expect(scan('Mr. Visserplein 1')).toEqual([['address', 'Mr. Visserplein 1']]);
  });

  it('keeps adjacent, non-overlapping findings apart', () => {
    expect(kinds('dhr. Jansen, Kerkstraat 12, 1234 AB Utrecht, 06-12345678')).toEqual([
      'titledName',
      'address',
      'postcode',
      'phone',
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(scanForIdentifiers('', NOW)).toEqual([]);
  });
});

describe('scanForIdentifiers: performance', () => {
  const prose =
    'Cliënt komt op 15-03-2027 vrij uit detentie en heeft nog geen woonplek; de Wlz-indicatie (VG 7) is aangevraagd. ' +
    'In 2024 en 2025 zijn 14 cliënten geïncludeerd, kosten € 445.500 per jaar en €21 per dag (knelpunt 5, maatregel 11). ' +
    'Meneer is dakloos, mevrouw X verblijft in de opvang, het zorgkantoor en de gemeente wijzen naar elkaar. ';

  it('scans 100 kB of ordinary prose well within a second', () => {
    const text = prose.repeat(Math.ceil(100_000 / prose.length));
    const start = performance.now();
    expect(scanForIdentifiers(text, NOW)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it.each([
    ['one long word', 'A' + 'a'.repeat(100_000)],
    ['digits and spaces', '0 '.repeat(50_000)],
    ['digit groups', '06 12 '.repeat(20_000)],
    ['e-mail-ish token', 'a.'.repeat(50_000) + '@'],
    ['capitalised words', 'Van De Lange '.repeat(8_000)],
    ['titles', 'meneer mevrouw dhr. '.repeat(5_000)],
  ])('stays fast on pathological input: %s', (_name, text) => {
    const start = performance.now();
    scanForIdentifiers(text, NOW);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
