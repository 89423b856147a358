import { memoByText } from '../../src/core/textMemo';

test('each text is worked out once, an undefined result too, and the answers are the function’s', () => {
  const calls: string[] = [];
  const kind = memoByText((t: string) => {
    calls.push(t);
    return t.startsWith('Summa') ? 'sum' : undefined;
  });
  const labels = ['Summa intäkter', 'Lokaler', 'Summa intäkter', 'Lokaler', 'Lokaler', ''];
  expect(labels.map(kind)).toEqual(['sum', undefined, 'sum', undefined, undefined, undefined]);
  expect(calls).toEqual(['Summa intäkter', 'Lokaler', '']);
});

test('past the limit it starts afresh and still answers right', () => {
  const calls: string[] = [];
  const length = memoByText((t: string) => {
    calls.push(t);
    return t.length;
  }, 2);
  expect(['a', 'bb', 'a', 'ccc', 'a', 'bb'].map(length)).toEqual([1, 2, 1, 3, 1, 2]);
  // a and bb filled it; ccc started afresh; a and bb are then worked out again
  expect(calls).toEqual(['a', 'bb', 'ccc', 'a', 'bb']);
});
