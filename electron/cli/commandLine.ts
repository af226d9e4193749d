/**
 * Reads a support command's arguments with node:util parseArgs (`--name value`, `--name=value` with any `=` in the
 * value kept, booleans, positionals). Strict: an unknown option, a missing value or an option given twice is refused
 * with a plain sentence (never parseArgs' own text) that the command prints with its usage line.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export type CommandLine<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>;

export type ReadResult<O extends ParseArgsOptionsConfig> = { ok: true; values: CommandLine<O>['values']; positionals: string[] } | { ok: false; message: string };

interface Limits {
  /** How many positionals the command takes (default 0). */
  readonly maxPositionals?: number;
}

function flagOf(name: string, rawName: string): string {
  return rawName.startsWith('--') || rawName.startsWith('-') ? rawName : `--${name}`;
}

/** The first thing wrong with the arguments, in words; null when parseArgs' strict reading would accept them. */
function firstProblem(args: readonly string[], options: ParseArgsOptionsConfig, maxPositionals: number): string | null {
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const seen = new Set<string>();
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals += 1;
      if (positionals > maxPositionals) return `unexpected argument "${token.value}"`;
    } else if (token.kind === 'option') {
      const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
      const flag = flagOf(token.name, token.rawName);
      if (option === undefined) return `unknown option ${flag}`;
      // parseArgs refuses `--out --dpi` as ambiguous: a value that looks like an option must be written `--out=--dpi`.
      const valueLooksLikeOption = token.inlineValue === false && token.value?.startsWith('-') === true;
      if (option.type === 'string' && (token.value === undefined || valueLooksLikeOption)) return `${flag} needs a value`;
      if (option.type === 'boolean' && token.value !== undefined) return `${flag} takes no value`;
      if (!option.multiple && seen.has(token.name)) return `${flag} given twice`;
      seen.add(token.name);
    }
  }
  return null;
}

export function readCommandLine<O extends ParseArgsOptionsConfig>(args: readonly string[], options: O, limits: Limits = {}): ReadResult<O> {
  const maxPositionals = limits.maxPositionals ?? 0;
  const problem = firstProblem(args, options, maxPositionals);
  if (problem !== null) return { ok: false, message: problem };
  try {
    const parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { ok: true, values: parsed.values, positionals: parsed.positionals };
  } catch (err) {
    // firstProblem mirrors every strict check; reaching here means parseArgs refused for a reason it did not foresee.
    return { ok: false, message: `the arguments could not be read (${(err as { code?: string }).code ?? 'unknown reason'})` };
  }
}
