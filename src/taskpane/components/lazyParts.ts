/**
 * The parts of the pane its first view does not show, each in a chunk of its own (issue 12: the pane's
 * first paint). `preloadParts` starts loading them once the working view is on screen; a part whose
 * chunk has arrived then renders at once, as if it had been in the entry, and one that has not yet
 * arrived suspends (its `<Suspense>` shows the fallback) until it does.
 */
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';

/** A component loaded on demand that renders synchronously once loaded. */
function part<P extends object>(load: () => Promise<ComponentType<P>>): { Component: FunctionComponent<P>; preload(): Promise<unknown> } {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null; // a later render tries again
        throw e;
      },
    ));
  // a lazy component takes the props of what it loads; TypeScript cannot see that for a generic P
  const Lazy = lazy(() => preload().then((c) => ({ default: c }))) as unknown as ComponentType<P>;
  const Component: FunctionComponent<P> = (props) => createElement(loaded ?? Lazy, props);
  return { Component, preload };
}

const mainView = part(() => import(/* webpackChunkName: "main-view" */ './MainView').then((m) => m.MainView));
const results = part(() => import(/* webpackChunkName: "results" */ './Results').then((m) => m.Results));
const audit = part(() => import(/* webpackChunkName: "audit-panel" */ './AuditPanel').then((m) => m.AuditPanel));
const selfTest = part(() => import(/* webpackChunkName: "selftest" */ './SelfTestPanel').then((m) => m.SelfTestPanel));
const demoSheets = part(() => import(/* webpackChunkName: "demo-sheets" */ './demo/DemoSheets').then((m) => m.DemoSheets));
const moreMenu = part(() => import(/* webpackChunkName: "more-menu" */ './MoreMenu').then((m) => m.MoreMenu));
const settingsFields = part(() => import(/* webpackChunkName: "panels" */ './SettingsFields').then((m) => m.SettingsFields));
const kontoplanEditor = part(() => import(/* webpackChunkName: "panels" */ './KontoplanEditor').then((m) => m.KontoplanEditor));
const tablePanel = part(() => import(/* webpackChunkName: "panels" */ './TablePanel').then((m) => m.TablePanel));

/** The working view (settings, analysis, actions): the introduction does not need it. */
export const MainView = mainView.Component;
export const preloadMainView = (): void => void mainView.preload().catch(() => undefined);
export const Results = results.Component;
export const AuditPanel = audit.Component;
export const SelfTestPanel = selfTest.Component;
export const DemoSheets = demoSheets.Component;
export const MoreMenu = moreMenu.Component;
/** The contents of the settings' and source tables' panels (a collapsed panel renders nothing). */
export const SettingsFields = settingsFields.Component;
export const KontoplanEditor = kontoplanEditor.Component;
export const TablePanel = tablePanel.Component;

/** Runs `task` when the browser is idle (or after a moment where it cannot tell); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 1000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 50);
  return () => window.clearTimeout(id);
}

/** How long the pane's extras wait for the first view at most (a workbook that is never read). */
const SETTLE_AT_MOST_MS = 3000;
let settle: () => void = () => undefined;
const settled = new Promise<void>((resolve) => (settle = resolve));

/** The pane's first view is complete (the introduction shown, or the workbook analysed). */
export function firstViewSettled(): void {
  settle();
}

/** Runs `task` once the first view is complete (or after SETTLE_AT_MOST_MS) and the browser is idle; returns a cancel. */
export function afterFirstView(task: () => void): () => void {
  let live = true;
  let cancelIdle = () => undefined as void;
  const at = window.setTimeout(settle, SETTLE_AT_MOST_MS);
  void settled.then(() => {
    window.clearTimeout(at);
    if (live) cancelIdle = whenIdle(task);
  });
  return () => {
    live = false;
    cancelIdle();
  };
}

/** Starts loading the parts a user reaches from the working view (a failed load shows when the part is used). */
export function preloadParts(): void {
  for (const p of [results, audit, moreMenu, settingsFields, kontoplanEditor, tablePanel]) void p.preload().catch(() => undefined);
}
