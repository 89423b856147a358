import { accountClass, fold, typeFromAccount, typeFromLabel, typeFromTypCell, userSumKind } from '../../src/core/rowTypes';

describe('fold', () => {
  it('lower-cases, strips diacritics and collapses spaces (NBSP, thin space too)', () => {
    expect(fold('  Årets\u00a0 RESULTAT\u2009Öre ')).toBe('arets resultat ore');
  });
});

describe('typeFromTypCell', () => {
  it.each(['Intäkt', 'Intäkter', 'INTÄKT', ' intakt ', 'Int', 'Inkomst', 'Inkomster'])('%p → revenue', (t) => {
    expect(typeFromTypCell(t)).toBe('revenue');
  });
  it.each(['Kostnad', 'Kostnader', 'kostnad', 'Kost', 'Utgift', 'Utgifter'])('%p → cost', (t) => {
    expect(typeFromTypCell(t)).toBe('cost');
  });
  it.each(['Summa', 'Netto', 'Nettokostnad', 'Total', 'Totalt', 'Resultat'])('%p → sum', (t) => {
    expect(typeFromTypCell(t)).toBe('sum');
  });
  it.each(['Okänd', 'Personal', 'Intäkt/kostnad', 'I', ''])('%p → unknown', (t) => {
    expect(typeFromTypCell(t)).toBe('unknown');
  });
});

describe('Kommun-Bas account classes in the label', () => {
  it('reads the class from the first digit of a leading account number', () => {
    expect(accountClass('3 Intäkter')).toBe(3);
    expect(accountClass('4010 Löner')).toBe(4);
    expect(accountClass('45000 Material')).toBe(4);
    expect(accountClass('7:Övrigt')).toBe(7);
    expect(accountClass('5–Lokaler')).toBe(5);
    expect(accountClass('3')).toBe(3);
    expect(accountClass('  6410 Konsulter')).toBe(6);
  });

  it('no account number: undefined', () => {
    expect(accountClass('Personal')).toBeUndefined();
    expect(accountClass('4010Löner')).toBeUndefined();
    expect(accountClass('1234567 för långt')).toBeUndefined();
  });

  it('class 3 = revenue, 4–7 = cost', () => {
    expect(typeFromAccount('3 Verksamhetens intäkter')).toBe('revenue');
    expect(typeFromAccount('3010 Taxor och avgifter')).toBe('revenue');
    expect(typeFromAccount('4010 Löner')).toBe('cost');
    expect(typeFromAccount('5 Lokalkostnader')).toBe('cost');
    expect(typeFromAccount('6 Köp av verksamhet')).toBe('cost');
    expect(typeFromAccount('7 Övriga kostnader')).toBe('cost');
  });

  it('class 8 (and 0–2, 9) is outside the operating account', () => {
    expect(typeFromAccount('8410 Räntekostnader')).toBe('outside');
    expect(typeFromAccount('8 Finansiella poster')).toBe('outside');
    expect(typeFromAccount('2 Skulder')).toBe('outside');
    expect(typeFromAccount('9 Interna')).toBe('outside');
  });

  it('no account number: undefined (the label words decide instead)', () => {
    expect(typeFromAccount('Personal')).toBeUndefined();
  });

  it('the account class wins over the words in the label', () => {
    expect(typeFromAccount('3 Övriga kostnadsersättningar')).toBe('revenue');
    expect(typeFromAccount('4 Intäktsförluster')).toBe('cost');
  });
});

describe('typeFromLabel', () => {
  it.each([
    'Verksamhetens intäkter',
    'Intäkter',
    'Övriga intäkter',
    'Hyresintäkter',
    'Avgifter',
    'Taxor och avgifter',
    'Statsbidrag',
    'Erhållna bidrag',
    'Försäljning av verksamhet',
  ])('%p → revenue', (label) => {
    expect(typeFromLabel(label)).toBe('revenue');
  });

  it.each([
    'Personal',
    'Personalkostnader',
    'Löner',
    'Lokaler',
    'Lokalhyra',
    'Köp av verksamhet',
    'Material',
    'Tjänster',
    'Övrigt',
    'Övriga kostnader',
    'Avskrivningar',
    'Kapitalkostnader',
    'Lämnade bidrag',
    'Sociala avgifter',
    'Arbetsgivaravgifter',
    'Pensionsavgifter',
    'Personalomkostnader',
  ])('%p → cost', (label) => {
    expect(typeFromLabel(label)).toBe('cost');
  });

  it('a revenue word together with `kostnad` is a cost', () => {
    expect(typeFromLabel('Avgiftskostnader')).toBe('cost');
  });

  it('words that say nothing: undefined', () => {
    expect(typeFromLabel('Diverse')).toBeUndefined();
    expect(typeFromLabel('Projekt X')).toBeUndefined();
    expect(typeFromLabel('')).toBeUndefined();
  });
});

describe('userSumKind', () => {
  it.each([
    ['Verksamhetens kostnader', 'costs'],
    ['Summa verksamhetens kostnader', 'costs'],
    ['Summa kostnader', 'costs'],
    ['SUMMA KOSTNADER', 'costs'],
    ['Summa intäkter', 'revenue'],
    ['Summa verksamhetens intäkter', 'revenue'],
    ['Årets resultat', 'net'],
    ['Årets resultat (nettokostnad)', 'net'],
    ['Nettokostnad', 'net'],
    ['Nettokostnader', 'net'],
    ['Summa nettokostnad', 'net'],
    ['Resultat', 'net'],
    ['Summa', 'total'],
    ['Summa totalt', 'total'],
    ['Totalt', 'total'],
    ['Total', 'total'],
    ['Delsumma', 'total'],
    ['Summa reinvestering', 'total'],
    ['  summa\u00a0reinvestering ', 'total'],
  ])('%p → %p', (label, kind) => {
    expect(userSumKind(label)).toBe(kind);
  });

  it.each(['Personal', 'Verksamhetens intäkter', 'Summering av läget', 'Totalentreprenad', 'Resultatenheter', 'Nettokostnadsavvikelse', ''])(
    '%p is a data row',
    (label) => {
      expect(userSumKind(label)).toBeUndefined();
    },
  );
});
