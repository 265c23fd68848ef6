// Scores texts with the tone evaluation's peers (docs/tone-evaluation.md): VADER's negativity
// and compound scores (vader-sentiment, the JavaScript port of Hutto and Gilbert's VADER) and
// a plain profanity-list count (cuss: the words it rates 1 or 2, "probably" or "surely"
// profane; multi-word entries matched as phrases).
//
//   node bench/peers/tone_peers.mjs TEXTS.tsv PEERS.tsv
//
// TEXTS.tsv: "ID<TAB>TEXT" lines, the text escaped (\\ \t \n \r), as `nanni tone-eval
// --dump-texts` writes them. PEERS.tsv: "ID<TAB>vader_neg<TAB>vader_compound<TAB>profanity"
// lines in the same order.
import fs from 'node:fs';
import readline from 'node:readline';
import vader from 'vader-sentiment';
import { cuss } from 'cuss';

function unescape(s) {
  return s.replace(/\\(.)/g, (_, c) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

// The profane entries by their first word, longest first.
const profane = new Map();
for (const [entry, rating] of Object.entries(cuss)) {
  if (rating < 1) continue;
  const words = entry.toLowerCase().split(/\s+/);
  if (!profane.has(words[0])) profane.set(words[0], []);
  profane.get(words[0]).push(words);
}
for (const list of profane.values()) list.sort((a, b) => b.length - a.length);

function profanity(text) {
  const words = text.toLowerCase().match(/[a-z0-9']+/g) || [];
  let count = 0;
  for (let i = 0; i < words.length; ) {
    const match = (profane.get(words[i]) || []).find((p) => p.every((w, k) => words[i + k] === w));
    if (match) {
      count += 1;
      i += match.length;
    } else {
      i += 1;
    }
  }
  return count;
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node bench/peers/tone_peers.mjs TEXTS.tsv PEERS.tsv');
  process.exit(2);
}
const out = fs.createWriteStream(output);
const lines = readline.createInterface({ input: fs.createReadStream(input), crlfDelay: Infinity });
for await (const line of lines) {
  const tab = line.indexOf('\t');
  if (tab < 0) continue;
  const id = line.slice(0, tab);
  const text = unescape(line.slice(tab + 1));
  const v = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  out.write(`${id}\t${v.neg}\t${v.compound}\t${profanity(text)}\n`);
}
out.end();
