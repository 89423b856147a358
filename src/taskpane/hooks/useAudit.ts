/**
 * The audit of the tables in the workbook (issue 4): read the workbook, audit every table, mark the
 * finding cells in the workbook; and clearing those marks. One action at a time.
 */
import { useCallback, useRef, useState } from 'react';
import type { AuditFinding, AuditResult } from '../../audit';
import type { CellMark, HostPort } from '../../workbook/host';
import { yieldToBrowser } from '../model/progressPort';
import { failureText } from '../model/failure';

export interface AuditOutcome {
  /** Counts the audits, so a view can start afresh with each. */
  id: number;
  result: AuditResult;
  /** Errors first, then rounding differences; each in workbook order. */
  findings: AuditFinding[];
}

export interface Audit {
  busy: 'audit' | 'clear' | null;
  outcome: AuditOutcome | null;
  /** Whether the findings of `outcome` are marked in the workbook now. */
  marked: boolean;
  /** What went wrong, in Swedish (the audit may still have an outcome when only marking failed). */
  failure: string | null;
  /** A short confirmation (`Markeringarna är borttagna.`). */
  status: string | null;
  audit(): Promise<void>;
  clear(): Promise<void>;
}

const message = (e: unknown): string => failureText(e);

/** Errors before rounding differences, otherwise as the audit ordered them (sheet, row, column). */
export function ordered(findings: AuditFinding[]): AuditFinding[] {
  return [...findings.filter((f) => f.kind === 'error'), ...findings.filter((f) => f.kind !== 'error')];
}

export function marksOf(findings: AuditFinding[]): CellMark[] {
  return findings.map((f) => ({ sheet: f.sheet, address: f.cell, kind: f.kind, message: f.message }));
}

export function useAudit(host: HostPort): Audit {
  const [busy, setBusy] = useState<Audit['busy']>(null);
  const [outcome, setOutcome] = useState<AuditOutcome | null>(null);
  const [marked, setMarked] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const working = useRef(false);
  const audits = useRef(0);

  const start = (what: 'audit' | 'clear'): boolean => {
    if (working.current) return false;
    working.current = true;
    setBusy(what);
    setFailure(null);
    setStatus(null);
    return true;
  };
  const done = () => {
    working.current = false;
    setBusy(null);
  };

  const audit = useCallback(async () => {
    if (!start('audit')) return;
    try {
      let result: AuditResult;
      try {
        // the audit engine is a chunk of its own, loaded at the first audit (issue 12)
        const [data, { auditWorkbook }] = await Promise.all([host.read(), import(/* webpackChunkName: "audit" */ '../../audit')]);
        await yieldToBrowser(); // let the spinner paint before the (synchronous) audit
        result = auditWorkbook(data);
      } catch (e) {
        setOutcome(null);
        setMarked(false);
        setFailure(`Granskningen avbröts: ${message(e)}`);
        return;
      }
      setOutcome({ id: ++audits.current, result, findings: ordered(result.findings) });
      setMarked(false);
      try {
        // also with no findings: clears the marks of an earlier audit
        await host.mark(marksOf(result.findings));
        setMarked(result.findings.length > 0);
      } catch (e) {
        setFailure(`Cellerna kunde inte markeras i arbetsboken: ${message(e)}`);
      }
    } finally {
      done();
    }
  }, [host]);

  const clear = useCallback(async () => {
    if (!start('clear')) return;
    try {
      await host.clearMarks();
      setMarked(false);
      setStatus('Markeringarna är borttagna.');
    } catch (e) {
      setFailure(`Markeringarna kunde inte tas bort: ${message(e)}`);
    } finally {
      done();
    }
  }, [host]);

  return { busy, outcome, marked, failure, status, audit, clear };
}
