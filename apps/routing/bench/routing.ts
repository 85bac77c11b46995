import { AgencyDirectory, CATEGORIES, type AgencySeed } from '@salur/directory';
import type { Channel, ComplaintType } from '@salur/contracts';
import { performance } from 'node:perf_hooks';
import { LiveAgencyDirectory } from '../src/cases/application/live-agency-directory';
import { dispose } from '../src/cases/domain/disposition';
import {
  RuleIndex,
  type DispositionRule,
  type RoutableComplaint,
} from '../src/cases/domain/disposition-rules';

/**
 * Routing decisions per second with the full directory (38 provinces, 514 regencies/cities, the
 * ministries) and a rule set shaped like a national deployment's:
 *
 * - per province, the categories its government holds (senior high schools, provincial roads,
 *   forestry…) → the province government;
 * - per regency/city, local landmarks as keywords (its markets, hospitals, terminals) → its
 *   government, and a handful of keyword phrases → named agencies;
 * - national categories (tax, police, land, state-owned utilities) → the category's ministry;
 * - a few channel and type rules.
 *
 * Measures the rule count, decisions/second through the index, rules examined per decision, and a
 * linear first-match scan over the same rules for comparison. Run by the benchmark suite:
 *
 *   npm run bench -- routing [--decisions 200000]
 */

/** A small deterministic generator, so every run measures the same work. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PROVINCIAL_CATEGORIES = ['pendidikan', 'lingkungan-hidup', 'transportasi', 'energi'];
const NATIONAL_CATEGORIES = ['perpajakan', 'kepolisian', 'pertanahan', 'bumn', 'kesehatan-bpjs'];
const LANDMARKS = ['pasar', 'rsud', 'terminal', 'puskesmas', 'alun-alun', 'stadion', 'pelabuhan'];
const CHANNELS: readonly Channel[] = ['web', 'mobile', 'sms', 'whatsapp', 'email', 'open311'];
const TYPES: readonly ComplaintType[] = ['complaint', 'aspiration', 'information_request'];
const FILLER = 'mohon segera ditindaklanjuti karena sudah lama dan mengganggu warga sekitar'.split(
  ' ',
);

function placeName(agency: AgencySeed): string {
  return agency.name
    .replace(/^Pemerintah (Provinsi|Kabupaten|Kota)\s+/i, '')
    .toLowerCase()
    .split(/\s+/)[0];
}

function ruleSet(agencies: readonly AgencySeed[]): DispositionRule[] {
  const rules: DispositionRule[] = [];
  const provinces = agencies.filter((a) => a.level === 'province' && a.regionCode);
  const regencies = agencies.filter((a) => a.level === 'regency' && a.regionCode);
  for (const regency of regencies) {
    const place = placeName(regency);
    LANDMARKS.forEach((landmark, i) => {
      rules.push({
        id: `lokal-${regency.regionCode}-${i}`,
        when: { regionPrefixes: [regency.regionCode!], keywords: [`${landmark} ${place}`] },
        target: { kind: 'regency_government' },
      });
    });
    rules.push({
      id: `pdam-${regency.regionCode}`,
      when: { regionPrefixes: [regency.regionCode!], keywords: ['pdam', 'air mati'] },
      target: { kind: 'regency_government' },
    });
  }
  for (const province of provinces) {
    for (const category of PROVINCIAL_CATEGORIES) {
      rules.push({
        id: `provinsi-${province.regionCode}-${category}`,
        when: { categories: [category], regionPrefixes: [province.regionCode!] },
        target: { kind: 'province_government' },
      });
    }
  }
  for (const category of NATIONAL_CATEGORIES) {
    rules.push({
      id: `nasional-${category}`,
      when: { categories: [category] },
      target: { kind: 'category_ministry' },
    });
  }
  rules.push(
    {
      id: 'ppid',
      when: { types: ['information_request'], keywords: ['anggaran'] },
      target: { kind: 'province_government' },
    },
    {
      id: 'open311',
      when: { channels: ['open311'], keywords: ['lampu jalan'] },
      target: { kind: 'regency_government' },
    },
    {
      id: 'bencana',
      when: { keywords: ['banjir bandang', 'gempa', 'longsor'] },
      target: { kind: 'agency', agency: 'lapor-pusat' },
    },
  );
  return rules;
}

function complaints(agencies: readonly AgencySeed[], count: number): RoutableComplaint[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const regencies = agencies.filter((a) => a.level === 'regency' && a.regionCode);
  const categories = CATEGORIES.map((c) => c.code);
  return Array.from({ length: count }, () => {
    const regency = pick(regencies);
    const words = Array.from({ length: 12 }, () => pick(FILLER));
    // Half mention a local landmark by name; some mention a landmark of another place.
    if (next() < 0.5)
      words.splice(3, 0, pick(LANDMARKS), placeName(next() < 0.8 ? regency : pick(regencies)));
    return {
      category: next() < 0.9 ? pick(categories) : null,
      type: pick(TYPES),
      regionCode: `${regency.regionCode!}.0${1 + Math.floor(next() * 9)}`,
      title: `Keluhan ${words.slice(0, 5).join(' ')}`,
      body: words.join(' '),
      channel: pick(CHANNELS),
    };
  });
}

/**
 * The same first-match semantics without an index: every rule (each compiled once), in order,
 * until one matches.
 */
function linearFirstMatch(
  compiled: readonly RuleIndex[],
  c: RoutableComplaint,
): DispositionRule | null {
  for (const single of compiled) {
    const match = single.evaluate(c);
    if (match) return match.rule;
  }
  return null;
}

export interface RoutingFigures {
  readonly agencies: number;
  readonly rules: number;
  readonly indexBuildMs: number;
  readonly decisions: number;
  readonly decisionsPerSecond: number;
  readonly matchedByRulePercent: number;
  readonly rulesExaminedPerMatch: number;
  readonly linearDecisionsPerSecond: number;
  readonly indexVsLinearDisagreements: number;
  readonly linearSample: number;
}

/** Runs the measurement; `decisions` timed through the index after 20,000 warm-up decisions. */
export function measureRouting(decisions = 200_000): RoutingFigures {
  const directory = AgencyDirectory.standard();
  const agencies = directory.all();
  const live = new LiveAgencyDirectory(directory);
  const rules = ruleSet(agencies);
  const built = performance.now();
  const index = new RuleIndex(rules);
  const buildMs = performance.now() - built;
  const sample = complaints(agencies, 20_000);

  for (let i = 0; i < 20_000; i++) dispose(sample[i % sample.length], index, live);

  const started = performance.now();
  for (let i = 0; i < decisions; i++) dispose(sample[i % sample.length], index, live);
  const seconds = (performance.now() - started) / 1000;

  let examined = 0;
  let matched = 0;
  for (const c of sample) {
    const match = index.evaluate(c);
    if (match) {
      examined += match.examined;
      matched++;
    }
  }

  const linearSample = 500;
  const compiled = rules.map((rule) => new RuleIndex([rule]));
  const linearStarted = performance.now();
  let disagreements = 0;
  for (let i = 0; i < linearSample; i++) {
    const c = sample[i];
    if (linearFirstMatch(compiled, c)?.id !== index.evaluate(c)?.rule.id) disagreements++;
  }
  const linearSeconds = (performance.now() - linearStarted) / 1000;

  return {
    agencies: agencies.length,
    rules: rules.length,
    indexBuildMs: Math.round(buildMs * 10) / 10,
    decisions,
    decisionsPerSecond: Math.round(decisions / seconds),
    matchedByRulePercent: Math.round((1000 * matched) / sample.length) / 10,
    rulesExaminedPerMatch: Math.round((10 * examined) / Math.max(matched, 1)) / 10,
    linearDecisionsPerSecond: Math.round(linearSample / linearSeconds),
    indexVsLinearDisagreements: disagreements,
    linearSample,
  };
}
