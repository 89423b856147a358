import Decimal from 'decimal.js';
import fc from 'fast-check';
import { amountPhrase, approxPercent, commentStub, sentenceUnit, subject, type StubInput } from '../../src/core/commentary';
import type { DeviationRole, RowKind, TableType } from '../../src/core/types';

const d = (v: string | number): Decimal => new Decimal(v);

function stub(
  label: string,
  kind: RowKind,
  tableType: TableType,
  column: DeviationRole,
  deviationKr: number | string,
  extra: Partial<StubInput> = {},
): string {
  return commentStub({ label, kind, tableType, column, deviationKr: d(deviationKr), percent: null, ...extra });
}

describe('domain sentences', () => {
  it('Personal, period', () => {
    expect(stub('Personal', 'cost', 'driftredovisning', 'avvikelsePeriod', -2129000, { actualKr: d(60233000) })).toBe(
      'Personalkostnaderna visar en negativ avvikelse för perioden på 2,1 mnkr och beror i huvudsak på [orsak].',
    );
  });

  it('Verksamhetens intäkter, period (one unit per sentence)', () => {
    expect(
      stub('Verksamhetens intäkter', 'revenue', 'driftredovisning', 'avvikelsePeriod', 784000, { actualKr: d(8994000) }),
    ).toBe('Intäkterna för perioden på 9,0 mnkr är 0,8 mnkr bättre än budget, vilket främst förklaras av [orsak].');
  });

  it('net rows keep the domain sentence verbatim, followed by the placeholder', () => {
    const domain = 'Verksamheten avviker negativt med knappt 2 procent eller 742 tkr jämfört med budget.';
    const total = stub('Årets resultat (nettokostnad)', 'net', 'driftredovisning', 'avvikelsePeriod', -742000, {
      percent: d('-1.87'),
    });
    expect(total).toBe(`${domain} Avvikelsen förklaras främst av [orsak].`);
    expect(stub('Förskola', 'net', 'nettokostnad', 'avvikelsePeriod', -742000, { percent: d('-1.9') })).toBe(
      'Förskola avviker negativt med knappt 2 procent eller 742 tkr jämfört med budget. Avvikelsen förklaras främst av [orsak].',
    );
    expect(stub('Förskola', 'net', 'nettokostnad', 'avvikelsePeriod', -742000)).toBe(
      'Förskola avviker negativt med 742 tkr jämfört med budget. Avvikelsen förklaras främst av [orsak].',
    );
  });
});

describe('variants', () => {
  it('cost, helår and positive', () => {
    expect(stub('Personal', 'cost', 'driftredovisning', 'avvikelseHelar', -1805000)).toBe(
      'Personalkostnaderna beräknas för helåret visa en negativ avvikelse på 1,8 mnkr och beror i huvudsak på [orsak].',
    );
    expect(stub('Lokaler', 'cost', 'driftredovisning', 'avvikelsePeriod', 106000)).toBe(
      'Lokalkostnaderna visar en positiv avvikelse för perioden på 106 tkr och beror i huvudsak på [orsak].',
    );
    expect(stub('Lokaler', 'cost', 'driftredovisning', 'avvikelseHelar', 150000)).toBe(
      'Lokalkostnaderna beräknas för helåret visa en positiv avvikelse på 150 tkr och beror i huvudsak på [orsak].',
    );
  });

  it('revenue, helår, with and without actual, better and worse', () => {
    expect(
      stub('Verksamhetens intäkter', 'revenue', 'driftredovisning', 'avvikelseHelar', 650000, { actualKr: d(13050000) }),
    ).toBe(
      'Intäkterna beräknas för helåret till 13,1 mnkr, vilket är 0,7 mnkr bättre än budget och främst förklaras av [orsak].',
    );
    expect(stub('Intäkter', 'revenue', 'driftredovisning', 'avvikelseHelar', -650000, { actualKr: d(11750000) })).toBe(
      'Intäkterna beräknas för helåret till 11,8 mnkr, vilket är 0,7 mnkr sämre än budget och främst förklaras av [orsak].',
    );
    expect(stub('Intäkter', 'revenue', 'driftredovisning', 'avvikelseHelar', -650000)).toBe(
      'Intäkterna beräknas för helåret bli 650 tkr sämre än budget, vilket främst förklaras av [orsak].',
    );
    expect(stub('Taxor och avgifter', 'revenue', 'driftredovisning', 'avvikelsePeriod', -120400, { actualKr: d(880000) })).toBe(
      'Intäkterna från taxor och avgifter för perioden på 880 tkr är 120 tkr sämre än budget, vilket främst förklaras av [orsak].',
    );
    expect(stub('Intäkter', 'revenue', 'driftredovisning', 'avvikelsePeriod', 784000)).toBe(
      'Intäkterna för perioden är 784 tkr bättre än budget, vilket främst förklaras av [orsak].',
    );
  });

  it('sum rows keep their label', () => {
    expect(stub('Verksamhetens kostnader', 'sum', 'driftredovisning', 'avvikelsePeriod', -2719000)).toBe(
      'Verksamhetens kostnader visar en negativ avvikelse för perioden på 2,7 mnkr och beror i huvudsak på [orsak].',
    );
    expect(stub('Årets resultat', 'sum', 'driftredovisning', 'avvikelseHelar', -1832000, { percent: d('-1.34') })).toBe(
      'Verksamheten beräknas för helåret avvika negativt med drygt 1 procent eller 1,8 mnkr jämfört med budget. Avvikelsen förklaras främst av [orsak].',
    );
    expect(stub('Summa nettokostnad', 'sum', 'nettokostnad', 'avvikelsePeriod', 3100000, { percent: d('2.04') })).toBe(
      'Verksamheten avviker positivt med 2 procent eller 3,1 mnkr jämfört med budget. Avvikelsen förklaras främst av [orsak].',
    );
  });

  it('investments and portfolios', () => {
    expect(stub('Ombyggnad Ekbackens skola', 'item', 'investeringar', 'avvikelseHelar', 2300000)).toBe(
      'Projektet Ombyggnad Ekbackens skola visar en positiv avvikelse mot budget på 2,3 mnkr för helåret, vilket i huvudsak beror på [orsak].',
    );
    expect(stub('Reinvestering', 'group', 'investeringar', 'avvikelsePeriod', -450000)).toBe(
      'Reinvestering visar en negativ avvikelse mot budget på 450 tkr för perioden, vilket i huvudsak beror på [orsak].',
    );
    expect(stub('Summa Reinvestering', 'sum', 'investeringar', 'avvikelseHelar', 1250000)).toBe(
      'Reinvestering visar en positiv avvikelse mot budget på 1,3 mnkr för helåret, vilket i huvudsak beror på [orsak].',
    );
    expect(stub('Summa', 'sum', 'portfolj', 'avvikelseHelar', -12340000)).toBe(
      'Portföljen totalt visar en negativ avvikelse mot budget på 12,3 mnkr för helåret, vilket i huvudsak beror på [orsak].',
    );
  });

  it('a deviation that rounds to zero gets no sign word', () => {
    expect(stub('Personal', 'cost', 'driftredovisning', 'avvikelsePeriod', -400)).toBe(
      'Personalkostnaderna visar ingen avvikelse för perioden, vilket i huvudsak beror på [orsak].',
    );
    expect(stub('Intäkter', 'revenue', 'driftredovisning', 'avvikelsePeriod', 0, { actualKr: d(8994000) })).toBe(
      'Intäkterna för perioden på 9,0 mnkr visar ingen avvikelse mot budget, vilket främst förklaras av [orsak].',
    );
    expect(stub('Intäkter', 'revenue', 'driftredovisning', 'avvikelseHelar', 0, { actualKr: d(13050000) })).toBe(
      'Intäkterna beräknas för helåret till 13,1 mnkr, vilket innebär ingen avvikelse mot budget och främst förklaras av [orsak].',
    );
    expect(stub('Intäkter', 'revenue', 'driftredovisning', 'avvikelseHelar', 0)).toBe(
      'Intäkterna beräknas för helåret inte avvika från budget, vilket främst förklaras av [orsak].',
    );
    expect(stub('Förskola', 'net', 'nettokostnad', 'avvikelsePeriod', '-0', { percent: d(0) })).toBe(
      'Förskola visar ingen avvikelse jämfört med budget för perioden, vilket främst förklaras av [orsak].',
    );
    expect(stub('Nybyggnad', 'item', 'investeringar', 'avvikelseHelar', 0)).toBe(
      'Projektet Nybyggnad visar ingen avvikelse mot budget för helåret, vilket i huvudsak beror på [orsak].',
    );
  });
});

describe('subject', () => {
  it.each([
    ['Personal', 'Personalkostnaderna'],
    ['PERSONAL', 'Personalkostnaderna'],
    ['Personalkostnader', 'Personalkostnaderna'],
    ['Lokaler', 'Lokalkostnaderna'],
    ['Köp av verksamhet', 'Kostnaderna för köp av verksamhet'],
    ['Kop av  verksamhet', 'Kostnaderna för köp av verksamhet'],
    ['Övrigt', 'Övriga kostnader'],
    ['Ovriga kostnader', 'Övriga kostnader'],
    ['Material', 'Materialkostnaderna'],
    ['Kapitalkostnader', 'Kapitalkostnaderna'],
    ['Energikostnader', 'Energikostnaderna'],
    ['Verksamhetens kostnader', 'Verksamhetens kostnader'],
    ['5011 Månadslöner', 'Kostnaderna för månadslöner'],
    ['Konsulter', 'Kostnaderna för konsulter'],
    ['IT-tjänster', 'Kostnaderna för IT-tjänster'],
  ])('cost %s → %s', (label, expected) => {
    expect(subject(label, 'cost', 'driftredovisning')).toBe(expected);
  });

  it.each([
    ['Verksamhetens intäkter', 'Intäkterna'],
    ['verksamhetens intakter', 'Intäkterna'],
    ['Intäkter', 'Intäkterna'],
    ['Taxor och avgifter', 'Intäkterna från taxor och avgifter'],
    ['3411 Bidrag från staten', 'Intäkterna från bidrag från staten'],
    ['Övriga intäkter', 'Övriga intäkter'],
    ['Försäljningsintäkter', 'Försäljningsintäkterna'],
  ])('revenue %s → %s', (label, expected) => {
    expect(subject(label, 'revenue', 'driftredovisning')).toBe(expected);
  });

  it('net, sum and investment subjects', () => {
    expect(subject('Årets resultat (nettokostnad)', 'net', 'driftredovisning')).toBe('Verksamheten');
    expect(subject('Summa nettokostnad', 'sum', 'nettokostnad')).toBe('Verksamheten');
    expect(subject('Totalt', 'sum', 'nettokostnadAr')).toBe('Verksamheten');
    expect(subject('Förskola', 'net', 'nettokostnad')).toBe('Förskola');
    expect(subject('Grundskola', 'item', 'nettokostnad')).toBe('Grundskola');
    expect(subject('Verksamhetens kostnader', 'sum', 'driftredovisning')).toBe('Verksamhetens kostnader');
    expect(subject('Summa kostnader', 'sum', 'driftredovisning')).toBe('Summa kostnader');
    expect(subject('Ombyggnad Ekbackens skola', 'item', 'investeringar')).toBe('Projektet Ombyggnad Ekbackens skola');
    expect(subject('Projekt Norra hamnen', 'item', 'portfolj')).toBe('Projekt Norra hamnen');
    expect(subject('Reinvestering', 'group', 'investeringar')).toBe('Reinvestering');
    expect(subject('Summa nyinvestering', 'sum', 'investeringar')).toBe('Nyinvestering');
    expect(subject('Summa', 'sum', 'investeringar')).toBe('Investeringarna totalt');
    expect(subject('Summa totalt', 'sum', 'portfolj')).toBe('Portföljen totalt');
  });
});

describe('units', () => {
  it('amountPhrase', () => {
    expect(amountPhrase(d(-2129000), 'mnkr')).toBe('2,1 mnkr');
    expect(amountPhrase(d(-742000), 'tkr')).toBe('742 tkr');
    expect(amountPhrase(d(1234567), 'tkr')).toBe('1 235 tkr');
    expect(amountPhrase(d(-500), 'tkr')).toBe('1 tkr');
    expect(amountPhrase(d(-499), 'tkr')).toBe('0 tkr');
    expect(amountPhrase(d(-49999), 'mnkr')).toBe('0,0 mnkr');
    expect(amountPhrase(d(1050000), 'mnkr')).toBe('1,1 mnkr');
    expect(amountPhrase(d(1234567890), 'mnkr')).toBe('1 234,6 mnkr');
  });

  it('sentenceUnit thresholds', () => {
    expect(sentenceUnit([d(999499)])).toBe('tkr');
    expect(sentenceUnit([d(-999499)])).toBe('tkr');
    expect(sentenceUnit([d(999500)])).toBe('mnkr');
    expect(sentenceUnit([d(-999500)])).toBe('mnkr');
    expect(sentenceUnit([d(5000), d(-999500)])).toBe('mnkr');
    expect(sentenceUnit([])).toBe('tkr');
    expect(stub('Personal', 'cost', 'driftredovisning', 'avvikelsePeriod', -999499)).toContain(' på 999 tkr ');
    expect(stub('Personal', 'cost', 'driftredovisning', 'avvikelsePeriod', -999500)).toContain(' på 1,0 mnkr ');
  });
});

describe('approxPercent', () => {
  it.each([
    ['1.87', 'knappt 2 procent'],
    ['-1.87', 'knappt 2 procent'],
    ['1.95', 'knappt 2 procent'],
    ['1.96', '2 procent'],
    ['2', '2 procent'],
    ['2.04', '2 procent'],
    ['2.05', 'drygt 2 procent'],
    ['2.3', 'drygt 2 procent'],
    ['2.5', 'knappt 3 procent'],
    ['9.96', '10 procent'],
    ['10', 'cirka 10 procent'],
    ['12.4', 'cirka 12 procent'],
    ['12.5', 'cirka 13 procent'],
    ['1234.4', 'cirka 1 234 procent'],
    ['0.7', 'knappt 1 procent'],
    ['0.49', 'mindre än 1 procent'],
    ['0', '0 procent'],
  ])('%s → %s', (pct, expected) => {
    expect(approxPercent(d(pct))).toBe(expected);
  });
});

describe('invariants (property)', () => {
  const kinds: RowKind[] = ['revenue', 'cost', 'item', 'group', 'sum', 'net'];
  const tables: TableType[] = ['driftredovisning', 'nettokostnad', 'nettokostnadAr', 'investeringar', 'portfolj'];
  const labels = ['Personal', 'Verksamhetens intäkter', 'Förskola', 'Summa', 'Ombyggnad Ekbackens skola', '5011 Löner'];

  it('one [orsak], a full stop at the end, no minus, no -0', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...labels),
        fc.constantFrom(...kinds),
        fc.constantFrom(...tables),
        fc.constantFrom<DeviationRole>('avvikelsePeriod', 'avvikelseHelar'),
        fc.integer({ min: -5e9, max: 5e9 }),
        fc.option(fc.integer({ min: -50000, max: 50000 })),
        fc.option(fc.integer({ min: 0, max: 5e9 })),
        (label, kind, tableType, column, dev, pct, actual) => {
          const text = commentStub({
            label,
            kind,
            tableType,
            column,
            deviationKr: d(dev).div(100),
            percent: pct === null ? null : d(pct).div(100),
            actualKr: actual === null ? undefined : d(actual),
          });
          expect(text.split('[orsak]')).toHaveLength(2);
          expect(text.endsWith('.')).toBe(true);
          expect(text).not.toMatch(/[-\u2212]\d/);
          expect(text).not.toMatch(/ (0|0,0) (tkr|mnkr) (bättre|sämre)|avvikelse (för perioden )?på (0|0,0) /);
          expect(text).not.toMatch(/\s{2}|\s\.|undefined|null|NaN/);
        },
      ),
    );
  });
});
