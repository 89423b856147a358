/** Builds `examples/huvudbok-exempel.xlsx`: a 6 000-row ledger extract (see ledgerExtract.ts). */
import { join } from 'node:path';
import { writeLedgerExtract } from './ledgerExtract';

const out = process.argv[2] ?? join(__dirname, '..', '..', '..', 'examples', 'huvudbok-exempel.xlsx');
writeLedgerExtract(out, Number(process.argv[3] ?? 6000)).then(
  () => console.log(`Skrev ${out}`),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
