/**
 * Writes our cells into a user's worksheet part without touching anything else: in the rows we fill
 * our cells replace the user's empty ones or join them in column order, and only those cells and the
 * rows' start tags are edited; every other byte of the part stays as it was. One linear scan
 * (patcher.ts) finds the rows and the worksheet's own children; what we add is written in the prefix
 * its parent uses, and our conditional formats go where the schema puts them (patchFormats.ts).
 * The patched part comes out as a text, as bytes, or deflated while it is made.
 */
import type { ConditionalFormat } from '../port';
import type { StyleBook } from './styles';
import { ByteEdits } from './byteEdits';
import type { PackedPart } from './packedPart';
import { formatSplices } from './patchFormats';
import { Patcher, type EditSink } from './patcher';
import type { WriteSource } from './rowWrites';
import { partDeflater } from './sliceDeflater';
import { OrderedEdits } from './xml';
import { XmlScanner } from './xmlScanner';

/** The user's sheet with our cells and conditional formats patched in, as a new text. */
export function patchSheet(xml: string, writes: WriteSource, formats: ConditionalFormat[], styles: StyleBook): string {
  const edits = new OrderedEdits(xml);
  runToEnd(patchSteps(xml, writes, formats, styles, edits));
  return edits.finish();
}

/**
 * The same patch written out as UTF-8 bytes in slices (see `ByteEdits`), for parts of any size; undefined
 * when nothing changed. Byte for byte the encoding of what `patchSheet` returns.
 */
export function patchSheetBytes(xml: string, writes: WriteSource, formats: ConditionalFormat[], styles: StyleBook): Buffer | undefined {
  const edits = new ByteEdits(xml);
  runToEnd(patchSteps(xml, writes, formats, styles, edits));
  return edits.finish();
}

/**
 * The same patch deflated while it is made, as the zip entry's body: the new part is never held whole,
 * and the deflating (on zlib's threads) overlaps the patching. Undefined when nothing changed. Its
 * content is byte for byte what `patchSheetBytes` returns; its body is what `deflateRawSync` makes of
 * that for a sheet under `PARALLEL_FROM` characters (`PartDeflater`), else that content deflated in
 * slices on both cores (`SliceDeflater`, sliceDeflater.ts).
 */
export async function patchSheetPacked(xml: string, writes: WriteSource, formats: ConditionalFormat[], styles: StyleBook): Promise<PackedPart | undefined> {
  return (await startSheetPatch(xml, writes, formats, styles)).packed;
}

/** A patch whose text is all made, its last slices perhaps still being deflated. */
export interface PatchInFlight {
  /** The part packed (rejects as the deflating fails); undefined when nothing changed. */
  packed: Promise<PackedPart | undefined>;
  /** Stops the deflating when the part will not be wanted after all. */
  abort(): void;
}

/**
 * `patchSheetPacked` in two steps: resolves once the patch has run (the styles it adds are then in
 * `styles`), with the deflating of its last slices still under way, so that the caller can go on
 * meanwhile (the tables sheet, the styles part) and take the part when it is done.
 */
export async function startSheetPatch(xml: string, writes: WriteSource, formats: ConditionalFormat[], styles: StyleBook): Promise<PatchInFlight> {
  const deflater = partDeflater(xml.length);
  try {
    const edits = new ByteEdits(xml, (bytes) => deflater.write(bytes), () => deflater.spare?.());
    const steps = patchSteps(xml, writes, formats, styles, edits);
    while (!steps.next().done) await deflater.ready();
    edits.finish();
    if (!edits.edited) {
      deflater.abort();
      return { packed: Promise.resolve(undefined), abort: () => undefined };
    }
    const packed = deflater.finish();
    packed.catch(() => undefined); // awaited by the caller, unless it fails first and aborts
    return { packed, abort: () => deflater.abort() };
  } catch (e) {
    deflater.abort();
    throw e;
  }
}

function runToEnd(steps: Generator<void, void, void>): void {
  while (!steps.next().done);
}

function* patchSteps(xml: string, writes: WriteSource, formats: ConditionalFormat[], styles: StyleBook, edits: EditSink): Generator<void, void, void> {
  const patcher = new Patcher(new XmlScanner(xml), writes, styles, edits);
  yield* patcher.scan();
  const splices = formats.length ? formatSplices(patcher.top, patcher.rootPrefix, patcher.rootClose, formats, styles) : [];
  // the conditional formats come after every row: their edits follow the rows' in position
  for (const sp of splices.sort((a, b) => a.start - b.start || a.end - b.end)) edits.replace(sp.start, sp.end, sp.text);
}
