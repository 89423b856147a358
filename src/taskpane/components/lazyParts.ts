/**
 * The parts of the pane its first view does not show, each a chunk of its own (issue 12: the pane's
 * first paint). A part's chunk loads when the part is first rendered, or earlier with `preloadParts`
 * once the first view is on screen, so a click seldom waits for it.
 */
import { lazy } from 'react';

const loadResults = () => import(/* webpackChunkName: "results" */ './Results');
const loadAudit = () => import(/* webpackChunkName: "audit-panel" */ './AuditPanel');
const loadSelfTest = () => import(/* webpackChunkName: "selftest" */ './SelfTestPanel');
const loadDemoSheets = () => import(/* webpackChunkName: "demo-sheets" */ './demo/DemoSheets');
const loadMoreMenu = () => import(/* webpackChunkName: "more-menu" */ './MoreMenu');

export const Results = lazy(() => loadResults().then((m) => ({ default: m.Results })));
export const AuditPanel = lazy(() => loadAudit().then((m) => ({ default: m.AuditPanel })));
export const SelfTestPanel = lazy(() => loadSelfTest().then((m) => ({ default: m.SelfTestPanel })));
export const DemoSheets = lazy(() => loadDemoSheets().then((m) => ({ default: m.DemoSheets })));
export const MoreMenu = lazy(() => loadMoreMenu().then((m) => ({ default: m.MoreMenu })));

/** Starts loading the parts a user reaches from the working view (a failed load shows when the part is used). */
export function preloadParts(): void {
  for (const load of [loadResults, loadAudit, loadMoreMenu]) void load().catch(() => undefined);
}
