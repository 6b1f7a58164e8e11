// Reads the results of bench/run-bench12.sh (LABEL \t SUBSET \t JSON line, one line per run) and
// prints the side-by-side table: median profiles/s of each engine, ratios to cpp-floor and to relief,
// and whether its checksums (eligible_pairs, per_measure, amount_sum_cents) equal those of the
// reference (reference-js) on the same profiles.
// Exit status 1 when a relief row or cpp-floor failed or differs from the reference.
// Usage: node table.mjs results.tsv
import { readFileSync } from 'node:fs';

const rows = new Map(); // "label\tsubset" -> {label, subset, runs: [json|null]}
for (const line of readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)) {
  const [label, subset, json] = line.split('\t');
  const key = `${label}\t${subset}`;
  if (!rows.has(key)) rows.set(key, { label, subset, runs: [] });
  rows.get(key).runs.push(json === 'failed' ? null : JSON.parse(json));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const checksum = (r) => JSON.stringify([r.eligible_pairs, r.per_measure, r.amount_sum_cents]);

// How a run's answers differ from the reference's, or '' when they are equal.
function difference(r, ref) {
  if (checksum(r) === checksum(ref)) return '';
  const parts = [];
  if (r.eligible_pairs !== ref.eligible_pairs) parts.push(`pairs ${r.eligible_pairs - ref.eligible_pairs > 0 ? '+' : ''}${r.eligible_pairs - ref.eligible_pairs}`);
  for (const id of Object.keys(ref.per_measure)) {
    if (r.per_measure?.[id] !== ref.per_measure[id]) parts.push(`${id} ${r.per_measure?.[id]} vs ${ref.per_measure[id]}`);
  }
  const d = r.amount_sum_cents - ref.amount_sum_cents;
  if (d !== 0) parts.push(`amounts ${d > 0 ? '+' : ''}${d} cents`);
  return parts.join(', ');
}

const refs = {};
for (const row of rows.values()) if (row.label === 'reference-js') refs[row.subset] = row.runs.find(Boolean);
const summary = [];
for (const row of rows.values()) {
  const ok = row.runs.filter(Boolean);
  const ref = refs[row.subset];
  const diffs = [...new Set(ok.map((r) => (ref ? difference(r, ref) : 'no reference')))].filter(Boolean);
  const failed = ok.length < row.runs.length;
  summary.push({
    ...row, n: ok[0]?.profiles, threads: ok[0]?.threads ?? 1,
    rate: ok.length ? ok[0].profiles / (median(ok.map((r) => r.eval_ms)) / 1000) : NaN,
    low: Math.min(...ok.map((r) => r.profiles / (r.eval_ms / 1000))),
    high: Math.max(...ok.map((r) => r.profiles / (r.eval_ms / 1000))),
    check: failed ? `FAILED (${row.runs.length - ok.length} of ${row.runs.length} runs)` : diffs.length ? `differs: ${diffs.join('; ')}` : 'match',
  });
}

const rateOf = (label) => summary.find((s) => s.label === label && s.subset === 'all')?.rate;
const floor = rateOf('cpp-floor'), relief = rateOf('relief');
const fmt = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) ? (a / b >= 10 ? (a / b).toFixed(0) : (a / b).toPrecision(2)) + '×' : '—');
const runsCount = Math.max(...summary.map((s) => s.runs.length));
console.log(`| engine | profiles | threads | profiles/s (median of ${runsCount}) | lowest – highest run | cpp-floor ÷ engine | relief ÷ engine | checksums vs reference |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---|');
for (const s of summary) {
  const label = s.subset === 'small' ? `${s.label} (first ${fmt(s.n)} profiles)` : s.label;
  console.log(`| ${label} | ${fmt(s.n)} | ${s.threads} | ${fmt(s.rate)} | ${fmt(s.low)} – ${fmt(s.high)} | ${ratio(floor, s.rate)} | ${ratio(relief, s.rate)} | ${s.check} |`);
}
const bad = summary.filter((s) => (s.label.startsWith('relief') || s.label === 'cpp-floor') && s.check !== 'match');
if (bad.length) {
  console.error(`run-bench12: checksums of ${bad.map((s) => s.label).join(', ')} differ from the reference or failed`);
  process.exit(1);
}
if (!refs.all) {
  console.error('run-bench12: the reference did not run');
  process.exit(1);
}
