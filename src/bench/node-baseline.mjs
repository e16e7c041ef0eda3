// The baseline of issue 7: what a developer following eduMe's seamless-link article would write.
// Reads the roster CSV, signs each learner's Knowledge Hub link with crypto.createHmac and writes
// an email CSV. No database, no validation, no restart: the floor hublinks is measured against.
//   node src/bench/node-baseline.mjs ROSTER.csv OUT.csv   (secret in EDUME_SIGNING_SECRET)
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createHmac } from 'node:crypto';

const [input, output] = process.argv.slice(2);
const secret = process.env.EDUME_SIGNING_SECRET;
const teams = { 'london': 5, 'manchester': 6, 'new joiners': 7, 'paris': 21, 'lyon': 22 };

// One record per line; quotes around a field (a comma in a name) are honoured.
function cells(line) {
  const out = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; }
    else cell += c;
  }
  out.push(cell);
  return out;
}

const quote = (v) => /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;

const out = createWriteStream(output);
out.write('email,first_name,last_name,external_user_id,link\r\n');
let batch = [];
let header = true;
for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (header) { header = false; continue; }
  const [id, first, last, email, , team] = line.includes('"') ? cells(line) : line.split(',');
  if (!email) continue;
  const g = teams[team.toLowerCase()] ?? team;
  const url = `https://learn.edume.com/e/d/?g=${g}&e=${encodeURIComponent(id)}`;
  const sig = createHmac('sha256', secret).update(url).digest('hex');
  batch.push([quote(email), quote(first), quote(last), quote(id), `${url}&sig=${sig}`].join(','));
  if (batch.length === 1000) {
    if (!out.write(batch.join('\r\n') + '\r\n')) await new Promise((r) => out.once('drain', r));
    batch = [];
  }
}
if (batch.length) out.write(batch.join('\r\n') + '\r\n');
out.end();
