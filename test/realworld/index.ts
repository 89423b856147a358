/** Every table of the real-world corpus (issue 9), in one list. */
import { hallsberg2019Rr } from './tables/hallsberg-2019-rr';
import { lulea2018Not1, lulea2018Not2, lulea2018Rr } from './tables/lulea-2018';
import { tyreso2018Ks } from './tables/tyreso-2018-ks';
import { vastervik2021Drift } from './tables/vastervik-2021-drift';
import type { RealTable } from './types';

export const REAL_TABLES: readonly RealTable[] = [
  tyreso2018Ks,
  hallsberg2019Rr,
  lulea2018Rr,
  lulea2018Not1,
  lulea2018Not2,
  vastervik2021Drift,
];

export type { RealTable } from './types';
