/** Every table of the real-world corpus (issue 9), in one list. */
import { gnesta2013Drift, gnesta2013RrBudget } from './tables/gnesta-2013';
import { goteborg2019Invest } from './tables/goteborg-2019-invest';
import { goteborg2018Not6 } from './tables/goteborg-2018-not6';
import { goteborg2018Not2, goteborg2019Rr } from './tables/goteborg-2019-rr';
import { hallsberg2019Rr } from './tables/hallsberg-2019-rr';
import { helsingborg2016Drift } from './tables/helsingborg-2016-drift';
import { kramfors2018Rr } from './tables/kramfors-2018-rr';
import { kulturnamnden2021Okt } from './tables/kulturnamnden-2021-okt';
import { kungsbacka2014VaNot5 } from './tables/kungsbacka-2014-va-not5';
import { kungsbacka2014VaBr, kungsbacka2014VaRr } from './tables/kungsbacka-2014-va';
import { malmo2014Dr2Budgetavvikelse, malmo2014Prognossakerhet, malmo2015Prognossakerhet } from './tables/malmo-prognos';
import { engelholm2021Invest, engelholm2021Not3, engelholm2021Not4, engelholm2021Not5, engelholm2021Rr } from './tables/engelholm-2021';
import { grastorp2020Br, grastorp2020Rr } from './tables/grastorp-2020';
import { lerum2023Br } from './tables/lerum-2023-br';
import { lulea2018Not1, lulea2018Not2, lulea2018Rr } from './tables/lulea-2018';
import { nynashamn2021Drift } from './tables/nynashamn-2021-drift';
import { sjobo2021Rr } from './tables/sjobo-2021-rr';
import { tyreso2018Ks } from './tables/tyreso-2018-ks';
import { vansbro2019Rr } from './tables/vansbro-2019-rr';
import { varmdo2016Not3, varmdo2019Not3 } from './tables/varmdo-not3';
import { vargarda2023Balans, vargarda2023Drift, vargarda2023Invest } from './tables/vargarda-2023';
import { varmdo2019Rr } from './tables/varmdo-2019-rr';
import { vastervik2020Drift } from './tables/vastervik-2020-drift';
import { varmdo2019Not16 } from './tables/varmdo-2019-not16';
import { vastervik2021Drift } from './tables/vastervik-2021-drift';
import type { RealTable } from './types';

export const REAL_TABLES: readonly RealTable[] = [
  tyreso2018Ks,
  hallsberg2019Rr,
  lulea2018Rr,
  lulea2018Not1,
  lulea2018Not2,
  vastervik2021Drift,
  sjobo2021Rr,
  kramfors2018Rr,
  gnesta2013RrBudget,
  gnesta2013Drift,
  goteborg2019Invest,
  varmdo2019Not16,
  helsingborg2016Drift,
  kulturnamnden2021Okt,
  varmdo2019Not3,
  varmdo2016Not3,
  varmdo2019Rr,
  goteborg2019Rr,
  goteborg2018Not2,
  vansbro2019Rr,
  vastervik2020Drift,
  vargarda2023Invest,
  vargarda2023Drift,
  vargarda2023Balans,
  kungsbacka2014VaRr,
  kungsbacka2014VaBr,
  malmo2015Prognossakerhet,
  malmo2014Prognossakerhet,
  malmo2014Dr2Budgetavvikelse,
  grastorp2020Rr,
  grastorp2020Br,
  lerum2023Br,
  engelholm2021Rr,
  engelholm2021Not3,
  engelholm2021Not4,
  engelholm2021Not5,
  nynashamn2021Drift,
  engelholm2021Invest,
  goteborg2018Not6,
  kungsbacka2014VaNot5,
];

export type { RealTable } from './types';
