import { detectHeader, normalizeHeader, periodFromText } from '../../src/core/roles';
import type { HeaderMap, RawValue, Role } from '../../src/core/types';

/** Detects a header and fails the test when there is none. */
function detect(rows: RawValue[][], options?: { maxScanRows?: number }): HeaderMap {
  const map = detectHeader(rows, options);
  if (map === null) throw new Error('no header detected');
  return map;
}

/** The role of the single header cell `header` when it stands in a row after `before`. */
function roleOf(header: string, before: string[] = ['Verksamhet', 'Budget']): Role | undefined {
  const row = [...before, header];
  const map = detect([row]);
  const index = row.length - 1;
  const entry = Object.entries(map.columns).find(([, col]) => col === index);
  return entry ? (entry[0] as Role) : undefined;
}

describe('normalizeHeader', () => {
  it('lower-cases and strips diacritics', () => {
    expect(normalizeHeader('Årsbudget FÖRÄNDRING Café')).toBe('arsbudget forandring cafe');
  });
  it('maps every dash to a hyphen', () => {
    expect(normalizeHeader('jan–aug jan—aug jan−aug jan‑aug')).toBe('jan-aug jan-aug jan-aug jan-aug');
  });
  it('removes dots and collapses whitespace incl. NBSP', () => {
    expect(normalizeHeader('  Ack.\u00a0\u00a0utfall \t t.o.m.  ')).toBe('ack utfall tom');
  });
});

describe('periodFromText', () => {
  it.each([
    ['Perioden jan–aug', 8],
    ['jan-aug', 8],
    ['januari–augusti', 8],
    ['Jan–aug 2025', 8],
    ['Utfall jan-aug', 8],
    ['Utfall jan - okt', 10],
    ['Perioden jan–dec', 12],
    ['Utfall t.o.m. sep', 9],
  ])('%s → %i months', (text, months) => {
    const p = periodFromText(text);
    expect(p?.months).toBe(months);
  });
  it('writes periodText with an en dash and Swedish 3-letter months', () => {
    expect(periodFromText('januari - oktober')).toEqual({ months: 10, periodText: 'jan–okt' });
    expect(periodFromText('JAN-MAJ')).toEqual({ months: 5, periodText: 'jan–maj' });
  });
  it('accepts a single month only where it stands as a period', () => {
    expect(periodFromText('Perioden jan')).toEqual({ months: 1, periodText: 'jan' });
    expect(periodFromText('Jan')).toBeUndefined();
    expect(periodFromText('Utfall 2025')).toBeUndefined();
    expect(periodFromText('Budget')).toBeUndefined();
  });
  it('ignores ranges not starting in January', () => {
    expect(periodFromText('Perioden maj–aug')).toBeUndefined();
  });
});

describe('detectHeader: single-row headers', () => {
  it('maps the explicit combined headers', () => {
    const map = detect([
      [
        'Verksamhet',
        'Budget helår',
        'Prognos helår',
        'Avvikelse helår',
        'Budget period',
        'Utfall period',
        'Avvikelse period',
        'Utfall fg år',
      ],
      ['Personal', 1, 2, 3, 4, 5, 6, 7],
    ]);
    expect(map.columns).toEqual({
      label: 0,
      budgetHelar: 1,
      prognosHelar: 2,
      avvikelseHelar: 3,
      budgetPeriod: 4,
      utfallPeriod: 5,
      avvikelsePeriod: 6,
      utfallFgAr: 7,
    });
    expect(map).toMatchObject({ firstHeaderRow: 0, headerRows: 1, firstDataRow: 1, labelHeader: 'Verksamhet' });
  });

  it.each<[string, Role]>([
    ['Årsbudget', 'budgetHelar'],
    ['Budget 2026', 'budgetHelar'],
    ['Budg.', 'budgetHelar'],
    ['Budget jan-aug', 'budgetPeriod'],
    ['Helårsprognos', 'prognosHelar'],
    ['Prognos helår', 'prognosHelar'],
    ['Prog', 'prognosHelar'],
    ['Utfall jan–aug', 'utfallPeriod'],
    ['Ack. utfall', 'utfallPeriod'],
    ['Ackumulerat utfall', 'utfallPeriod'],
    ['Bokslut', 'utfallPeriod'],
    ['Utfall hittills', 'utfallPeriod'],
    ['Utfall föregående år', 'utfallFgAr'],
    ['Utfall i fjol', 'utfallFgAr'],
  ])('single-row synonym %s → %s', (header, role) => {
    const map = detect([['Verksamhet', header, 'Avvikelse']]);
    expect(map.columns[role]).toBe(1);
  });

  it.each<[string, Role]>([
    ['Avvikelse', 'avvikelseHelar'],
    ['Avv.', 'avvikelseHelar'],
    ['Budgetavvikelse', 'avvikelseHelar'],
    ['Återstår', 'avvikelseHelar'],
    ['Återstående budget', 'avvikelseHelar'],
    ['Prognos mot budget', 'avvikelseHelar'],
    ['Differens', 'avvikelseHelar'],
    ['Över-/underskott', 'avvikelseHelar'],
    ['Överskott', 'avvikelseHelar'],
    ['Avvikelse %', 'avvikelsePctHelar'],
    ['Avv %', 'avvikelsePctHelar'],
    ['Avvikelse procent', 'avvikelsePctHelar'],
  ])('deviation synonym %s → %s', (header, role) => {
    expect(roleOf(header, ['Verksamhet', 'Budget', 'Prognos'])).toBe(role);
  });

  it('checks deviation before budget (Budgetavvikelse is not a budget)', () => {
    const map = detect([['Konto', 'Budgetavvikelse', 'Budget', 'Utfall']]);
    expect(map.columns.budgetHelar).toBe(2);
    expect(map.columns.avvikelseHelar).toBe(1);
  });

  it('is case- and diacritic-insensitive', () => {
    const map = detect([['VERKSAMHET', 'ARSBUDGET', 'HELARSPROGNOS', 'ÅTERSTÅR']]);
    expect(map.columns).toMatchObject({ budgetHelar: 1, prognosHelar: 2, avvikelseHelar: 3 });
  });

  it('keeps the leftmost column when two map to the same role', () => {
    const map = detect([['Verksamhet', 'Budget', 'Prognos', 'Budget 2026']]);
    expect(map.columns.budgetHelar).toBe(1);
  });

  it('gives `Utfall helår` (full-year actuals) no role', () => {
    const map = detect([['Verksamhet', 'Budget', 'Utfall helår', 'Prognos']]);
    expect(Object.values(map.columns)).not.toContain(2);
  });
});

describe('detectHeader: deviation position and percent', () => {
  it('maps an unqualified deviation after a period amount to the period variant', () => {
    const map = detect([['Verksamhet', 'Budget jan–aug', 'Utfall jan–aug', 'Avvikelse', 'Avvikelse %']]);
    expect(map.columns.avvikelsePeriod).toBe(3);
    expect(map.columns.avvikelsePctPeriod).toBe(4);
  });
  it('maps an unqualified deviation after a helår amount to the helår variant', () => {
    const map = detect([['Verksamhet', 'Budget', 'Prognos', 'Avv.', 'Avv %', 'Utfall jan-aug']]);
    expect(map.columns.avvikelseHelar).toBe(3);
    expect(map.columns.avvikelsePctHelar).toBe(4);
    expect(map.columns.utfallPeriod).toBe(5);
  });
  it('lets an explicit context win over position', () => {
    const map = detect([['Verksamhet', 'Utfall jan–aug', 'Avvikelse helår', 'Avvikelse period %']]);
    expect(map.columns.avvikelseHelar).toBe(2);
    expect(map.columns.avvikelsePctPeriod).toBe(3);
  });
  it('treats a bare % next to a deviation as its percent column', () => {
    const map = detect([['Verksamhet', 'Budget', 'Utfall', 'Avvikelse', '%']]);
    expect(map.columns.avvikelsePeriod).toBe(3);
    expect(map.columns.avvikelsePctPeriod).toBe(4);
  });
});

describe('detectHeader: years', () => {
  it('maps a three-year net-cost view to fgAr2, fgAr, period', () => {
    const map = detect([
      ['Nettokostnad per verksamhet'],
      ['tkr'],
      ['Verksamhet', 'Jan–aug 2024', 'Jan–aug 2025', 'Jan–aug 2026'],
    ]);
    expect(map.columns).toMatchObject({ utfallFgAr2: 1, utfallFgAr: 2, utfallPeriod: 3, label: 0 });
    expect(map).toMatchObject({ firstHeaderRow: 2, firstDataRow: 3, months: 8, periodText: 'jan–aug' });
  });
  it('handles years stored as numbers in two-row headers', () => {
    const map = detect([
      ['', 2025, 2026, '', ''],
      ['Verksamhet', 'Utfall', 'Utfall', 'Budget', 'Prognos'],
    ]);
    expect(map.headerRows).toBe(2);
    expect(map.columns).toMatchObject({ utfallFgAr: 1, utfallPeriod: 2, budgetHelar: 3, prognosHelar: 4 });
  });
  it('maps `Utfall <last year>` to utfallFgAr', () => {
    const map = detect([['Verksamhet', 'Budget 2026', 'Prognos 2026', 'Utfall 2025']]);
    expect(map.columns.utfallFgAr).toBe(3);
    expect(map.columns.utfallPeriod).toBeUndefined();
  });
  it('ignores `Bokslut <earlier year>`', () => {
    const map = detect([['Verksamhet', 'Bokslut 2025', 'Budget 2026', 'Prognos 2026', 'Avvikelse']]);
    expect(Object.values(map.columns)).not.toContain(1);
    expect(map.columns).toMatchObject({ budgetHelar: 2, prognosHelar: 3, avvikelseHelar: 4, label: 0 });
  });
  it('ignores a budget of an earlier year', () => {
    const map = detect([['Verksamhet', 'Budget 2025', 'Budget 2026', 'Prognos 2026']]);
    expect(map.columns.budgetHelar).toBe(2);
  });
});

describe('detectHeader: two-row headers', () => {
  const bottom = ['Verksamhet, tkr', 'Budget', 'Prognos', 'Avvikelse', 'Budget', 'Utfall', 'Avvikelse', 'Utfall'];
  const expected = {
    budgetHelar: 1,
    prognosHelar: 2,
    avvikelseHelar: 3,
    budgetPeriod: 4,
    utfallPeriod: 5,
    avvikelsePeriod: 6,
    utfallFgAr: 7,
    label: 0,
  };

  it('reads the table our own tool writes (merged cell in its first column only)', () => {
    const map = detect([
      ['Driftredovisning'],
      ['tkr'],
      ['', 'Helår', '', '', 'Perioden jan–aug', '', '', 'Perioden fg år'],
      bottom,
      ['Verksamhetens intäkter', 12400, 13050, 650, 8210, 8994, 784, 7902],
    ]);
    expect(map.columns).toEqual(expected);
    expect(map).toMatchObject({
      firstHeaderRow: 2,
      headerRows: 2,
      firstDataRow: 4,
      months: 8,
      periodText: 'jan–aug',
      labelHeader: 'Verksamhet, tkr',
    });
  });

  it('reads a merged top cell repeated in every cell', () => {
    const H = 'Helår';
    const P = 'Perioden jan–aug';
    const map = detect([['', H, H, H, P, P, P, 'Perioden fg år'], bottom]);
    expect(map.columns).toEqual(expected);
    expect(map.headerRows).toBe(2);
  });

  it('combines a year period top row with measure words', () => {
    const map = detect([
      ['', 'Jan–aug 2025', '', '', ''],
      ['Verksamhet', 'Budget', 'Utfall', 'Avvikelse', 'Avvikelse %'],
    ]);
    expect(map.columns).toMatchObject({
      budgetPeriod: 1,
      utfallPeriod: 2,
      avvikelsePeriod: 3,
      avvikelsePctPeriod: 4,
    });
  });

  it('uses one header row when the row above has no context words', () => {
    const map = detect([
      ['Budgetuppföljning', '', 'Sammanställd av ekonomi'],
      ['Verksamhet', 'Budget', 'Prognos', 'Avvikelse'],
    ]);
    expect(map).toMatchObject({ firstHeaderRow: 1, headerRows: 1, firstDataRow: 2 });
  });

  it('does not take a title with a period in its first cell for a context row', () => {
    const map = detect([
      ['Driftredovisning jan–aug 2025'],
      ['Verksamhet', 'Budget', 'Prognos', 'Avvikelse'],
    ]);
    expect(map.headerRows).toBe(1);
    expect(map.columns).toMatchObject({ budgetHelar: 1, prognosHelar: 2, avvikelseHelar: 3 });
  });

  it('does not turn a comment column under a carried context into an amount', () => {
    const map = detect([
      ['', 'Helår', '', 'Perioden fg år', ''],
      ['Verksamhet', 'Budget', 'Prognos', 'Utfall', 'Kommentar'],
    ]);
    expect(map.columns.utfallFgAr).toBe(3);
    expect(Object.values(map.columns)).not.toContain(4);
  });
});

describe('detectHeader: title rows and scanning', () => {
  it('skips title rows above the header', () => {
    const map = detect([['Driftredovisning'], ['tkr'], [], ['Verksamhet', 'Budget', 'Utfall']]);
    expect(map).toMatchObject({ firstHeaderRow: 3, headerRows: 1, firstDataRow: 4 });
  });
  it('takes the first qualifying row', () => {
    const map = detect([
      ['Verksamhet', 'Budget', 'Prognos'],
      ['Konto', 'Budget', 'Utfall', 'Avvikelse'],
    ]);
    expect(map.firstHeaderRow).toBe(0);
  });
  it('scans only maxScanRows rows', () => {
    const rows: RawValue[][] = [...Array.from({ length: 5 }, () => ['x']), ['Verksamhet', 'Budget', 'Utfall']];
    expect(detectHeader(rows, { maxScanRows: 5 })).toBeNull();
    expect(detectHeader(rows, { maxScanRows: 6 })?.firstHeaderRow).toBe(5);
    const deep: RawValue[][] = [...Array.from({ length: 30 }, () => ['x']), ['Verksamhet', 'Budget', 'Utfall']];
    expect(detectHeader(deep)).toBeNull();
  });
  it('returns null for a sheet with no header', () => {
    expect(detectHeader([['Anteckningar'], ['Personal', 100, 200], ['Lokaler', 3, 4]])).toBeNull();
    expect(detectHeader([])).toBeNull();
  });
  it('needs at least two amount roles', () => {
    expect(detectHeader([['Verksamhet', 'Budget', 'Kommentar']])).toBeNull();
  });
});

describe('detectHeader: text roles', () => {
  it.each([
    'Verksamhet',
    'Kategori',
    'Konto',
    'Projekt',
    'Benämning',
    'Område',
    'Post',
    'Text',
    'Rad',
    'Nämnd',
    'Ansvar',
    'Verksamhet, tkr',
  ])('label header %s', (header) => {
    const map = detect([['Typ', header, 'Budget', 'Utfall']]);
    expect(map.columns.label).toBe(1);
    expect(map.columns.type).toBe(0);
    expect(map.labelHeader).toBe(header);
  });

  it('maps type, group, target and levels', () => {
    const map = detect([['Projektgrupp', 'Projekt', 'Radtyp', 'Budget', 'Utfall', 'Mål']]);
    expect(map.columns).toMatchObject({ group: 0, label: 1, type: 2, target: 5 });
    for (const header of ['Grupp', 'Investeringstyp', 'Huvudgrupp']) {
      expect(detect([[header, 'Projekt', 'Budget', 'Prognos']]).columns.group).toBe(0);
    }
    for (const [header, role] of [['Nivå 1', 'group1'], ['Niva1', 'group1'], ['Nivå1', 'group1'], ['Nivå 2', 'group2']] as const) {
      expect(detect([[header, 'Projekt', 'Budget', 'Prognos']]).columns[role]).toBe(0);
    }
  });

  it('makes Kategori the label and Verksamhet the group', () => {
    const map = detect([['Verksamhet', 'Kategori', 'Typ', 'Budget', 'Utfall']]);
    expect(map.columns).toMatchObject({ group: 0, label: 1, type: 2 });
    expect(map.labelHeader).toBe('Kategori');
  });

  it('keeps an explicit group column before a coarser label word', () => {
    const map = detect([['Nämnd', 'Konto', 'Grupp', 'Budget', 'Utfall']]);
    expect(map.columns).toMatchObject({ label: 1, group: 2 });
  });

  it('reads the mnkr portfolio header', () => {
    const map = detect([['Nivå 1', 'Nivå 2', 'Område', 'Budget 2026', 'Prognos 2026', 'Avvikelse', 'Utfall jan–aug']]);
    expect(map.columns).toEqual({
      group1: 0,
      group2: 1,
      label: 2,
      budgetHelar: 3,
      prognosHelar: 4,
      avvikelseHelar: 5,
      utfallPeriod: 6,
    });
    expect(map).toMatchObject({ months: 8, periodText: 'jan–aug', labelHeader: 'Område' });
  });

  it('falls back to the first plain text column left of the amounts', () => {
    const map = detect([['', 'Beskrivning', 'Budget', 'Utfall', 'Anteckning']]);
    expect(map.columns.label).toBe(1);
    expect(map.labelHeader).toBe('Beskrivning');
  });

  it('falls back to column 0 when no header text names the label', () => {
    const map = detect([['', 'Budget', 'Utfall']]);
    expect(map.columns.label).toBe(0);
    expect(map.labelHeader).toBeUndefined();
  });
});

describe('detectHeader: indicator tables', () => {
  it('detects Indikator + Mål + year columns', () => {
    const map = detect([
      ['Indikatorer'],
      ['Indikator', 'Mål', 2024, '2025', 'Kommentar'],
      ['Sjukfrånvaro', '<7,9 %', 8.1, 7.5, ''],
    ]);
    expect(map.columns).toMatchObject({ label: 0, target: 1 });
    expect(map.yearColumns).toEqual({ '2024': 2, '2025': 3 });
    expect(map).toMatchObject({ firstHeaderRow: 1, headerRows: 1, firstDataRow: 2, labelHeader: 'Indikator' });
  });
  it.each(['Nyckeltal', 'Mått'])('accepts %s with Målvärde / Mål 2026', (label) => {
    const a = detect([[label, 'Målvärde', 2026]]);
    expect(a.columns.target).toBe(1);
    expect(a.yearColumns).toEqual({ '2026': 2 });
    const b = detect([[label, 2025, 2026, 'Mål 2026']]);
    expect(b.columns).toMatchObject({ label: 0, target: 3 });
    expect(b.yearColumns).toEqual({ '2025': 1, '2026': 2 });
  });
  it('needs a target and a year column', () => {
    expect(detectHeader([['Indikator', 2024, 2025]])).toBeNull();
    expect(detectHeader([['Indikator', 'Mål', 'Kommentar']])).toBeNull();
  });
});

describe('detectHeader: odd cells', () => {
  it('never throws on junk cells and still finds the header', () => {
    const junk: RawValue[] = [{ error: '#N/A' }, true, new Date(2025, 0, 1), null, undefined, NaN, Infinity];
    const longRow: RawValue[] = [...junk, 'Verksamhet', 'Budget', 'Utfall', ...new Array<RawValue>(20000).fill(null)];
    const rows: RawValue[][] = [junk, ['x'.repeat(100000)], longRow];
    const map = detect(rows);
    expect(map.firstHeaderRow).toBe(2);
    expect(map.columns).toMatchObject({ label: 7, budgetHelar: 8, utfallPeriod: 9 });
  });
  it('tolerates holes in the rows array', () => {
    const rows = new Array<RawValue[]>(3);
    rows[2] = ['Verksamhet', 'Budget', 'Utfall'];
    expect(detect(rows).firstHeaderRow).toBe(2);
  });
  it('returns null for odd options', () => {
    expect(detectHeader([['Verksamhet', 'Budget', 'Utfall']], { maxScanRows: 0 })).toBeNull();
    expect(detectHeader([['Verksamhet', 'Budget', 'Utfall']], { maxScanRows: NaN })?.firstHeaderRow).toBe(0);
  });
});

describe('dated and undated utfall columns together', () => {
  test('an undated period utfall is this year; a dated one next to it is last year', () => {
    const h = detectHeader([['Verksamhet', 'Kategori', 'Typ', 'Budget helår', 'Prognos helår', 'Avvikelse helår', 'Budget jan–aug', 'Utfall jan–aug', 'Avvikelse jan–aug', 'Utfall jan–aug 2025']]);
    expect(h?.columns).toMatchObject({ utfallPeriod: 7, utfallFgAr: 9, avvikelsePeriod: 8 });
  });
  test('two dated utfall columns beside an undated one are the two years before', () => {
    const h = detectHeader([['Verksamhet', 'Budget', 'Utfall jan–aug 2024', 'Utfall jan–aug 2025', 'Utfall jan–aug']]);
    expect(h?.columns).toMatchObject({ utfallFgAr2: 2, utfallFgAr: 3, utfallPeriod: 4 });
  });
  test('a budget dated this year keeps a same-year utfall as the current period', () => {
    const h = detectHeader([['Projekt', 'Budget 2026', 'Prognos 2026', 'Utfall jan–aug 2026', 'Utfall jan–aug']]);
    expect(h?.columns).toMatchObject({ budgetHelar: 1, prognosHelar: 2, utfallPeriod: 3 });
  });
});
