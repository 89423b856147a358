/**
 * The argument parser: `command <positional> --flag value --switch`. Every option is checked against
 * the command's own list, so a misspelt one (`--threshold-amout`) stops the run naming it and the
 * closest real one, instead of running with the defaults.
 */
import { closest } from '../core/suggest';

export interface ParsedArgs {
  command?: string;
  positional: string[];
  options: Record<string, string | true>;
}

/** Options that take no value. */
const SWITCHES = new Set(['signed', 'unsigned', 'ledger-signs', 'blank-as-zero', 'no-charts', 'help', 'quiet', 'version', 'force']);
/** Switches that contradict each other. */
const EXCLUSIVE = [['signed', 'unsigned', 'ledger-signs']];

export class UsageError extends Error {}

/**
 * Splits the command line; `known` (every option of every command) lets an unknown option be named at
 * once instead of swallowing the next argument as its value.
 */
export function parseArgs(argv: string[], known?: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: {} };
  const set = (name: string, value: string | true) => {
    if (name in out.options) throw new UsageError(`--${name} är angiven två gånger`);
    out.options[name] = value;
  };
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositional || !a.startsWith('-') || a === '-') {
      if (!out.command) out.command = a;
      else out.positional.push(a);
    } else if (a === '--') onlyPositional = true;
    else if (a === '-h') set('help', true);
    else if (a === '-v') set('version', true);
    else if (!a.startsWith('--')) throw new UsageError(`okänt val ${a}`);
    else {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (SWITCHES.has(name)) {
        if (eq > 0) throw new UsageError(`--${name} tar inget värde (skriv bara --${name}${name === 'signed' ? ', eller --unsigned för motsatsen' : ''})`);
        set(name, true);
      } else if (known && !known.includes(name)) throw unknownOption(name, known, out.command);
      else if (eq > 0) set(name, a.slice(eq + 1));
      else {
        const v = argv[i + 1];
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} behöver ett värde`);
        set(name, v);
        i++;
      }
    }
  }
  return out;
}

function unknownOption(name: string, known: readonly string[], command: string | undefined): UsageError {
  const near = closest(name, known);
  return new UsageError(`okänt val --${name}${command ? ` för ${command}` : ''}${near ? `; menade du --${near}?` : ''}`);
}

/** Refuses options the command does not know (naming the closest one) and contradicting switches. */
export function checkOptions(args: ParsedArgs, known: readonly string[]): void {
  for (const name of Object.keys(args.options)) if (!known.includes(name)) throw unknownOption(name, known, args.command);
  for (const group of EXCLUSIVE) {
    const given = group.filter((name) => args.options[name]);
    if (given.length > 1) throw new UsageError(`${given.map((n) => `--${n}`).join(' och ')} går inte att kombinera; välj en`);
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  if (v === true) throw new UsageError(`--${name} behöver ett värde`);
  if (v === '') throw new UsageError(`--${name} behöver ett värde`);
  return v;
}
