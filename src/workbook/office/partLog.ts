import type { Piece } from './payload';

/**
 * What a write got done. Each sync commits, and in a sync that fails the actions before the failing
 * one may have been applied: so a part is written when every piece of it was synced, uncertain when
 * some of it was in the sync that failed (or only some was synced), and not written when none of it
 * was sent.
 */
export class PartLog {
  private readonly outstanding = new Map<string, Set<Piece>>();
  private readonly sentAny = new Set<string>();
  private readonly open = new Set<string>();

  /** The parts planned, in order, before any piece is added. */
  constructor(readonly planned: string[] = []) {}

  added(piece: Piece): void {
    if (!piece.part) return;
    if (!this.outstanding.has(piece.part)) this.outstanding.set(piece.part, new Set());
    this.outstanding.get(piece.part)?.add(piece);
    this.open.add(piece.part);
  }

  /** `piece` was replaced by `parts` (it was split). */
  replaced(piece: Piece, parts: Piece[]): void {
    if (!piece.part) return;
    this.outstanding.get(piece.part)?.delete(piece);
    parts.forEach((p) => this.added(p));
  }

  sent(pieces: Piece[]): void {
    for (const piece of pieces) {
      if (!piece.part) continue;
      this.outstanding.get(piece.part)?.delete(piece);
      this.sentAny.add(piece.part);
    }
  }

  /** No more pieces will be added to `part`. */
  close(part: string): void {
    this.open.delete(part);
    if (!this.outstanding.has(part)) this.sentAny.add(part);
  }

  private done(part: string): boolean {
    return this.sentAny.has(part) && !this.open.has(part) && (this.outstanding.get(part)?.size ?? 0) === 0;
  }

  /** Every part, planned or added: written, uncertain (partly, or in the failed sync), or not written. */
  report(): PartReport {
    const all = [...new Set([...this.planned, ...this.outstanding.keys()])];
    const queued = (p: string) => this.sentAny.has(p) || this.outstanding.has(p);
    return {
      written: all.filter((p) => this.done(p)),
      uncertain: all.filter((p) => !this.done(p) && queued(p)),
      notWritten: all.filter((p) => !queued(p)),
    };
  }
}

export interface PartReport {
  written: string[];
  uncertain: string[];
  notWritten: string[];
}
