/**
 * Prohibited / restricted goods rules per destination (reference kind "prohibitedRules"), and the matcher that
 * screens a manifest's items against them.
 *
 * A rule set applies to "ALL" destinations or to a list; every set that applies to a destination is used (rules only
 * add up, so a missing destination-specific set can never relax the universal air rules). A rule matches an item by
 * keyword (textMatch.ts: case-insensitive, whole words, plural-tolerant, CJK/Korean by substring) or by HS-code
 * prefix; an `except` phrase in the description cancels a keyword hit ("battery-free", "glue gun"); `quantityOver`
 * makes the rule fire only above a personal-use quantity.
 *
 * Severity → verdict (decideVerdict.ts): PROHIBITED → RETURN (PROHIBITED); RESTRICTED → HOLD (RESTRICTED_DOCS);
 * REVIEW → FLAG (CONTENT_REVIEW); VAGUE → HOLD (DECLARATION_INVALID) when the description says nothing more specific
 * than vague words. Any description not in English is DECLARATION_INVALID (HOLD) too.
 */
import { z } from 'zod';
import { DESTINATIONS, type Destination } from '../manifest/destinations.ts';
import type { ManifestItem } from '../manifest/manifestEntry.ts';
import { compileKeyword, findKeyword, nonLatinScripts, prepareText, type CompiledKeyword, type PreparedText } from './textMatch.ts';

export const RULE_SEVERITIES = ['PROHIBITED', 'RESTRICTED', 'REVIEW', 'VAGUE'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

const Phrase = z.string().trim().min(1).max(80);

export const ProhibitedRuleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
    severity: z.enum(RULE_SEVERITIES),
    /** What the goods are, in words that finish "item 2 is …", e.g. "a lithium battery or power bank". */
    category: z.string().min(1).max(120),
    keywords: z.array(Phrase).max(300).optional(),
    /** HS-code prefixes (2–10 digits), matched against each item's hsCode. */
    hsPrefixes: z.array(z.string().regex(/^\d{2,10}$/)).max(100).optional(),
    /** Phrases that cancel a keyword hit of this rule when present in the same description. */
    except: z.array(Phrase).max(100).optional(),
    /** The rule fires only when the item's quantity is above this (e.g. KR supplements: 6). */
    quantityOver: z.number().int().nonnegative().optional(),
    note: z.string().max(300).optional(),
  })
  .refine((r) => (r.keywords?.length ?? 0) + (r.hsPrefixes?.length ?? 0) > 0, 'a rule needs keywords or HS-code prefixes')
  .refine((r) => r.severity !== 'VAGUE' || (r.hsPrefixes === undefined && r.quantityOver === undefined), 'a VAGUE rule has keywords only');
export type ProhibitedRule = z.infer<typeof ProhibitedRuleSchema>;

export const ProhibitedRuleSetSchema = z
  .object({
    ruleSetId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
    version: z.string().min(1).max(50),
    appliesTo: z.union([z.literal('ALL'), z.array(z.enum(DESTINATIONS)).min(1)]),
    sample: z.boolean().optional(),
    notes: z.string().max(1000).optional(),
    rules: z.array(ProhibitedRuleSchema).min(1).max(2000),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      seen.add(r.id);
    });
  });
export type ProhibitedRuleSet = z.infer<typeof ProhibitedRuleSetSchema>;

export function ruleSetAppliesTo(set: ProhibitedRuleSet, destination: Destination): boolean {
  return set.appliesTo === 'ALL' || set.appliesTo.includes(destination);
}

interface CompiledRule {
  readonly ruleSetId: string;
  readonly rule: ProhibitedRule;
  readonly keywords: readonly CompiledKeyword[];
  readonly except: readonly CompiledKeyword[];
}

const compiled = new WeakMap<ProhibitedRuleSet, readonly CompiledRule[]>();

function compileSet(set: ProhibitedRuleSet): readonly CompiledRule[] {
  let out = compiled.get(set);
  if (!out) {
    out = set.rules.map((rule) => ({
      ruleSetId: set.ruleSetId,
      rule,
      keywords: (rule.keywords ?? []).flatMap(compileKeyword),
      except: (rule.except ?? []).flatMap(compileKeyword),
    }));
    compiled.set(set, out);
  }
  return out;
}

export interface ContentHit {
  /** 1-based item number. */
  readonly item: number;
  readonly description: string;
  readonly quantity: number;
  readonly ruleSetId: string;
  readonly rule: ProhibitedRule;
  readonly matched: string;
  readonly via: 'keyword' | 'hsCode';
}

export interface DeclarationProblem {
  readonly item: number;
  readonly description: string;
  readonly problem: 'non_english' | 'vague';
  readonly found: string[];
}

export interface ScreenResult {
  readonly hits: ContentHit[];
  readonly declarationProblems: DeclarationProblem[];
}

const SEVERITY_RANK: Readonly<Record<RuleSeverity, number>> = { PROHIBITED: 3, RESTRICTED: 2, REVIEW: 1, VAGUE: 0 };

/** Filler words that do not make a vague description specific ("a gift for my mother" is still just a gift). */
const FILLER = new Set([
  'a', 'an', 'the', 'of', 'and', 'or', 'for', 'with', 'in', 'on', 'to', 'my', 'your', 'his', 'her', 'our', 'their', 'some',
  'assorted', 'various', 'new', 'used', 'box', 'boxes', 'pack', 'set', 'sets', 'pcs', 'pc', 'piece', 'pieces', 'x', 'lot',
  'mother', 'father', 'friend', 'family', 'birthday', 'christmas', 'present', 'item', 'items',
]);
const QUANTITY_TOKEN = /^\d+([a-z]{0,3})?$/;

function keywordHit(text: PreparedText, c: CompiledRule): string | null {
  for (const kw of c.keywords) {
    if (findKeyword(text, kw).length === 0) continue;
    if (c.except.some((ex) => findKeyword(text, ex).length > 0)) return null;
    return kw.keyword;
  }
  return null;
}

function hsHit(item: ManifestItem, c: CompiledRule): string | null {
  if (item.hsCode === undefined) return null;
  const code = item.hsCode;
  return c.rule.hsPrefixes?.find((p) => code.startsWith(p)) ?? null;
}

/** Vague: every meaningful word of the description is covered by VAGUE keywords, and there is at least one. */
function vagueWords(text: PreparedText, vague: readonly CompiledRule[]): string[] | null {
  const covered = new Array<boolean>(text.tokens.length).fill(false);
  const words: string[] = [];
  for (const c of vague) {
    for (const kw of c.keywords) {
      const spans = findKeyword(text, kw);
      for (const [s, e] of spans) {
        if (s < 0) continue;
        for (let i = s; i < e; i++) covered[i] = true;
        if (!words.includes(kw.keyword)) words.push(kw.keyword);
      }
    }
  }
  if (words.length === 0) return null;
  const specific = text.tokens.some((t, i) => !covered[i] && !FILLER.has(t) && !QUANTITY_TOKEN.test(t));
  return specific ? null : words;
}

/**
 * Screens every item against the rule sets that apply to `destination`. Per item, only hits of its highest severity
 * are kept (a power bank that is PROHIBITED is not also listed as a battery to REVIEW), one per rule.
 */
export function screenItems(items: readonly ManifestItem[], destination: Destination, ruleSets: readonly ProhibitedRuleSet[]): ScreenResult {
  const rules = ruleSets.filter((s) => ruleSetAppliesTo(s, destination)).flatMap(compileSet);
  const vague = rules.filter((c) => c.rule.severity === 'VAGUE');
  const content = rules.filter((c) => c.rule.severity !== 'VAGUE');
  const hits: ContentHit[] = [];
  const declarationProblems: DeclarationProblem[] = [];
  items.forEach((it, index) => {
    const itemNo = index + 1;
    const text = prepareText(it.description);
    const scripts = nonLatinScripts(it.description);
    if (scripts.length > 0) declarationProblems.push({ item: itemNo, description: it.description, problem: 'non_english', found: scripts });
    const vagueFound = vagueWords(text, vague);
    if (vagueFound) declarationProblems.push({ item: itemNo, description: it.description, problem: 'vague', found: vagueFound });

    const itemHits: ContentHit[] = [];
    for (const c of content) {
      if (c.rule.quantityOver !== undefined && it.quantity <= c.rule.quantityOver) continue;
      // A keyword hit reads better to a worker than an HS code, so it is preferred when both match.
      const kw = keywordHit(text, c);
      const hs = kw === null ? hsHit(it, c) : null;
      if (hs === null && kw === null) continue;
      itemHits.push({
        item: itemNo,
        description: it.description,
        quantity: it.quantity,
        ruleSetId: c.ruleSetId,
        rule: c.rule,
        matched: kw ?? hs ?? '',
        via: kw !== null ? 'keyword' : 'hsCode',
      });
    }
    const top = Math.max(-1, ...itemHits.map((h) => SEVERITY_RANK[h.rule.severity]));
    const seen = new Set<string>();
    for (const h of itemHits) {
      // The same keyword in the universal set and a destination set is one finding, not two.
      const key = `${h.rule.severity}\u0000${h.matched}`;
      if (SEVERITY_RANK[h.rule.severity] !== top || seen.has(key)) continue;
      seen.add(key);
      hits.push(h);
    }
  });
  return { hits, declarationProblems };
}
