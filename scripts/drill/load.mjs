// Mixed traffic against a running portal on loopback, with a record of every
// write the portal acknowledged, then a check that each is there.
//
//   node scripts/drill/load.mjs load   BASE_URL SECONDS ACKS_FILE
//   node scripts/drill/load.mjs verify BASE_URL ACKS_FILE
//   node scripts/drill/load.mjs once   BASE_URL ACKS_FILE SERVER_LOG...
//
// BASE_URL may list several servers of one portal, comma-separated (the
// two-server drill): every request goes to one of them at random, as a load
// balancer would send it, so a session made on one is used on the others.
//
// `load` runs customers reading and replying, customers opening tickets, the
// agent answering, sign-ins, export requests and erasures (a fresh customer
// signs up, opens a ticket, and the agent erases them), for SECONDS, with 6
// concurrent clients; it tolerates a server that is killed and restarted
// under it (a refused connection is not an acknowledgement) but no 5xx
// answer. It writes every acknowledgement to ACKS_FILE (JSON) and prints
// requests/s, p50 and p99. `verify` reads every acknowledged write back as
// its owner: each ticket with its subject, each message, each erased
// customer unable to sign in, each export finished and downloading, the same
// bytes, from every server. `once` reads the servers' logs: every acknowledged
// archive was built by exactly one server, and no mail was sent twice.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';

const DEMO_PASSWORD = 'custodian-demo';
const [mode, baseList, ...rest] = process.argv.slice(2);
if (!['load', 'verify', 'full', 'once'].includes(mode) || !baseList) {
  console.error(
    'usage: load.mjs load BASE_URL SECONDS ACKS_FILE | verify BASE_URL ACKS_FILE | full BASE_URL DATA_DIR | once BASE_URL ACKS_FILE SERVER_LOG...',
  );
  process.exit(2);
}
const bases = baseList.split(',');
if (!bases.every((b) => /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(b))) {
  console.error('the drill sends traffic to loopback only');
  process.exit(2);
}
// Servers behind one load balancer share one public address: the first one's.
const origin = bases[0].replace('127.0.0.1', 'localhost');
const anyBase = () => bases[Math.floor(Math.random() * bases.length)];

/** One client with its own session cookie. */
class Client {
  constructor(email, password) {
    this.email = email;
    this.password = password;
    this.cookie = '';
  }

  async call(name, args, json = false) {
    const headers = { accept: 'application/json', origin, 'sec-fetch-site': 'same-origin' };
    if (this.cookie) headers.cookie = this.cookie;
    let body;
    if (json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(args);
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(args).toString();
    }
    const started = performance.now();
    const r = await fetch(`${anyBase()}/api/${name}`, { method: 'POST', headers, body, signal: AbortSignal.timeout(30_000) });
    const text = await r.text();
    const ms = performance.now() - started;
    const set = r.headers.get('set-cookie');
    if (set && set.startsWith('custodian_session=')) {
      const pair = set.split(';')[0];
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    let value = null;
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
    return { status: r.status, value, ms, requestId: r.headers.get('x-request-id') };
  }

  /** Downloads an archive from one server; the SHA-256 of its bytes, or the status. */
  async download(server, id) {
    const headers = { cookie: this.cookie };
    const r = await fetch(`${server}/exports/${id}/download`, { headers, signal: AbortSignal.timeout(60_000) });
    const bytes = Buffer.from(await r.arrayBuffer());
    if (r.status !== 200) return { status: r.status, text: bytes.toString('utf8').slice(0, 160) };
    const { createHash } = await import('node:crypto');
    return { status: 200, sha: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  }

  async signIn() {
    const r = await this.call('sign_in', { email: this.email, password: this.password });
    if (r.status !== 200) throw new Error(`${this.email} cannot sign in: ${r.status} ${JSON.stringify(r.value)}`);
  }
}

if (mode === 'full') {
  // The data folder's disk fills up under a signed-in customer: every write is
  // refused with 507 `storage_full` and a request id, nothing half-written
  // shows up, and writes work again once space is freed.
  const { openSync, writeSync, closeSync, unlinkSync } = await import('node:fs');
  const [dataDir] = rest;
  const c = new Client('alice@example.com', DEMO_PASSWORD);
  await c.signIn();
  const before = await c.call('open_ticket', { subject: `before the disk filled ${randomUUID()}`, body: 'kept' }, true);
  if (before.status !== 200) throw new Error(`a write before the disk filled: ${before.status}`);
  const filler = `${dataDir}/drill-filler`;
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(1 << 20, 7);
  try {
    for (;;) writeSync(fd, block);
  } catch (e) {
    if (e.code !== 'ENOSPC') throw e;
  }
  // Fill the last bytes too.
  try {
    for (;;) writeSync(fd, Buffer.alloc(512, 7));
  } catch (e) {
    if (e.code !== 'ENOSPC') throw e;
  }
  closeSync(fd);
  const problems = [];
  // An archive asked for now is built on the full disk: the build cannot
  // write its file. It must wait (queued again), not fail, and finish once
  // space is freed. The request itself may be refused cleanly instead.
  const exported = await c.call('request_export', { password: c.password });
  let export_ = '';
  if (exported.status === 200) {
    export_ = exported.value.id;
    await new Promise((ok) => setTimeout(ok, 3000)); // the worker looks once a second
    const mine = await c.call('my_exports', {});
    const status = mine.value?.find?.((x) => x.id === export_)?.status;
    if (status !== 'queued') problems.push(`an export built on the full disk is ${status}, not queued to be built again`);
  } else if (!(exported.status === 507 && exported.value?.code === 'storage_full')) {
    problems.push(`an export requested on a full disk: ${exported.status} ${JSON.stringify(exported.value).slice(0, 160)}`);
  }
  // Writes still fit while the database file has free pages; once it must
  // grow, each is refused cleanly. Write until three were refused.
  const refused = [];
  const stored = [];
  for (let i = 0; i < 400 && refused.length < 3; i++) {
    const subject = `written on a full disk ${randomUUID()}`;
    const r = await c.call('open_ticket', { subject, body: 'x'.repeat(16_000) }, true);
    if (r.status === 200) stored.push({ id: r.value, subject });
    else if (r.status === 507 && r.value?.code === 'storage_full' && r.requestId) refused.push(subject);
    else problems.push(`on a full disk: ${r.status} ${JSON.stringify(r.value).slice(0, 160)}`);
  }
  if (refused.length === 0) problems.push('the disk never filled: no write was refused');
  unlinkSync(filler);
  const after = await c.call('open_ticket', { subject: `after space was freed ${randomUUID()}`, body: 'back' }, true);
  if (after.status !== 200) problems.push(`after space was freed: ${after.status} ${JSON.stringify(after.value).slice(0, 160)}`);
  // Every page of Alice's list: the stored ones are there, the refused ones are not.
  const subjects = [];
  let next = '';
  for (let page = 0; page < 100; page++) {
    const list = await c.call('list_tickets', next ? { after: next } : {});
    subjects.push(...(list.value?.items ?? []).map((t) => t.subject));
    next = list.value?.next ?? '';
    if (!next) break;
  }
  for (const s of refused) if (subjects.includes(s)) problems.push(`a refused ticket was stored: ${s}`);
  for (const t of stored) if (!subjects.includes(t.subject)) problems.push(`an acknowledged ticket is missing: ${t.subject}`);
  const detail = await c.call('get_ticket', { id: before.value });
  if (detail.status !== 200 || detail.value.messages.length !== 1) problems.push(`the ticket written before: ${detail.status}, ${detail.value?.messages?.length} messages`);
  let exportNote = 'the export request was refused with 507 storage_full';
  if (export_) {
    // Queued again after 20 s; built once there is space.
    const deadline = Date.now() + 90_000;
    let status = '';
    while (Date.now() < deadline) {
      const mine = await c.call('my_exports', {});
      status = mine.value?.find?.((x) => x.id === export_)?.status;
      if (status !== 'queued' && status !== 'building') break;
      await new Promise((ok) => setTimeout(ok, 500));
    }
    const got = status === 'ready' ? await c.download(bases[0], export_) : null;
    if (got?.status !== 200) problems.push(`the export requested on the full disk is ${status} after space was freed (download: ${JSON.stringify(got)})`);
    exportNote = 'an export the full disk stopped was queued again and downloads once space was freed';
  }
  console.log(`full disk: ${stored.length} writes still fitted and are stored, ${refused.length} were refused with 507 storage_full and left nothing; writes work again once space is freed; ${exportNote}`);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
} else if (mode === 'once') {
  // Exactly once across servers: each acknowledged archive was built by one
  // server, and each mail was sent by one server once.
  const [acksFile, ...logs] = rest;
  const acks = JSON.parse(readFileSync(acksFile, 'utf8'));
  const lines = logs.map((f) => readFileSync(f, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').split('\n'));
  const problems = [];
  const builtBy = new Map(); // export id → servers that built it
  const sentBy = new Map(); // mail id → how many times sent
  lines.forEach((log, server) => {
    for (const line of log) {
      const built = line.includes('data export ready') && line.match(/export=([0-9a-f-]{36})/);
      if (built) builtBy.set(built[1], [...(builtBy.get(built[1]) ?? []), server]);
      const sent = line.includes('mail sent') && line.match(/mail=([0-9a-f-]{36})/);
      if (sent) sentBy.set(sent[1], (sentBy.get(sent[1]) ?? 0) + 1);
    }
  });
  for (const x of acks.exports) {
    const by = builtBy.get(x.id) ?? [];
    if (by.length !== 1) problems.push(`export ${x.id} was built ${by.length} times (servers ${by.join(', ')})`);
  }
  for (const [id, n] of sentBy) if (n !== 1) problems.push(`mail ${id} was sent ${n} times`);
  const perServer = lines.map((_, server) => [...builtBy.values()].filter((by) => by.includes(server)).length);
  console.log(
    `exactly once: ${acks.exports.length} archives each built once (per server: ${perServer.join(' / ')}), ` +
      `${sentBy.size} mails each sent once`,
  );
  if (acks.exports.length === 0) problems.push('no export was acknowledged: the drill did not exercise the archive store');
  if (sentBy.size === 0) problems.push('no mail was sent: the drill did not exercise the mail sender');
  if (problems.length > 0) {
    console.error(problems.slice(0, 30).join('\n'));
    process.exit(1);
  }
} else if (mode === 'load') {
  const [seconds, acksFile] = rest;
  const until = Date.now() + Number(seconds) * 1000;
  const acks = { tickets: [], messages: [], erased: [], exports: [], signIns: 0 };
  const stats = { requests: 0, latencies: [], serverErrors: [], refused: 0, byStatus: {} };

  /** Calls the portal; a refused connection (a killed server) is retried by the caller's next turn. */
  async function attempt(client, name, args, json) {
    try {
      const r = await client.call(name, args, json);
      stats.requests++;
      stats.latencies.push(r.ms);
      stats.byStatus[r.status] = (stats.byStatus[r.status] ?? 0) + 1;
      // While the database restarts, a clean 503 with a request id is the expected answer.
      const clean503 = process.env.DRILL_ALLOW_503 === '1' && r.status === 503 && r.requestId;
      if (r.status >= 500 && !clean503) stats.serverErrors.push(`${name} ${r.status} request ${r.requestId}: ${JSON.stringify(r.value).slice(0, 200)}`);
      return r;
    } catch (e) {
      stats.refused++;
      await new Promise((ok) => setTimeout(ok, 100));
      return null;
    }
  }

  async function signedIn(client) {
    while (Date.now() < until) {
      const r = await attempt(client, 'sign_in', { email: client.email, password: client.password });
      if (r?.status === 200) {
        acks.signIns++;
        return true;
      }
    }
    return false;
  }

  const customers = [new Client('alice@example.com', DEMO_PASSWORD), new Client('bob@example.com', DEMO_PASSWORD)];
  const agent = new Client('agent@example.com', DEMO_PASSWORD);
  const own = new Map(); // email → ticket ids

  async function customerLoop(c) {
    if (!(await signedIn(c))) return;
    own.set(c.email, []);
    while (Date.now() < until) {
      const roll = Math.random();
      const mine = own.get(c.email);
      let r;
      if (roll < 0.35 || mine.length === 0 && roll < 0.5) {
        r = await attempt(c, 'list_tickets', {});
      } else if (roll < 0.5 || mine.length === 0) {
        const subject = `drill ticket ${randomUUID()}`;
        r = await attempt(c, 'open_ticket', { subject, body: `opened by the drill for ${c.email}` }, true);
        if (r?.status === 200) {
          mine.push(r.value);
          acks.tickets.push({ owner: c.email, password: c.password, id: r.value, subject });
        }
      } else if (roll < 0.75) {
        const id = mine[Math.floor(Math.random() * mine.length)];
        const body = `drill reply ${randomUUID()}`;
        r = await attempt(c, 'reply_to_ticket', { ticket_id: id, body });
        if (r?.status === 200) acks.messages.push({ owner: c.email, password: c.password, ticket: id, body });
      } else if (roll < 0.95) {
        const id = mine[Math.floor(Math.random() * mine.length)];
        r = await attempt(c, 'get_ticket', { id });
      } else if (roll < 0.98) {
        r = await attempt(c, 'sign_in', { email: c.email, password: c.password });
        if (r?.status === 200) acks.signIns++;
      } else {
        r = await attempt(c, 'request_export', { password: c.password });
        if (r?.status === 200) acks.exports.push({ owner: c.email, password: c.password, id: r.value.id });
      }
      // A session ended under us (a sign-in elsewhere does not end it; a crash keeps it): sign in again.
      if (r?.status === 401) await signedIn(c);
    }
  }

  async function agentLoop() {
    if (!(await signedIn(agent))) return;
    while (Date.now() < until) {
      const known = acks.tickets.filter((t) => !acks.erased.some((e) => e.email === t.owner));
      if (known.length === 0) {
        await attempt(agent, 'list_tickets', {});
        continue;
      }
      const t = known[Math.floor(Math.random() * known.length)];
      const body = `drill answer ${randomUUID()}`;
      const r = await attempt(agent, 'reply_to_ticket', { ticket_id: t.id, body });
      if (r?.status === 200) acks.messages.push({ owner: t.owner, password: t.password, ticket: t.id, body });
      if (r?.status === 401) await signedIn(agent);
    }
  }

  /** A fresh customer signs up and opens a ticket; the agent erases them. */
  async function erasureLoop() {
    const eraser = new Client('agent@example.com', DEMO_PASSWORD);
    if (!(await signedIn(eraser))) return;
    while (Date.now() < until) {
      const email = `drill-${randomUUID()}@example.org`;
      const c = new Client(email, 'a drill password long enough');
      const up = await attempt(c, 'sign_up', { name: 'Drill Leaver', email, password: c.password });
      if (up?.status !== 200) continue;
      await attempt(c, 'open_ticket', { subject: 'please forget me', body: 'soon erased' }, true);
      const me = await attempt(c, 'who_am_i', {});
      if (me?.status !== 200 || !me.value?.id) continue;
      const r = await attempt(eraser, 'erase_customer', { subject: me.value.id, reason: 'drill' });
      if (r?.status === 200) acks.erased.push({ email, password: c.password, id: me.value.id });
      if (r?.status === 401) await signedIn(eraser);
      await new Promise((ok) => setTimeout(ok, 500));
    }
  }

  const started = Date.now();
  await Promise.all([...customers.map(customerLoop), customerLoop(customers[0]), agentLoop(), agentLoop(), erasureLoop()]);
  const elapsed = (Date.now() - started) / 1000;
  writeFileSync(acksFile, JSON.stringify(acks));
  const sorted = stats.latencies.sort((a, b) => a - b);
  const pct = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1) : '-');
  console.log(
    `load: ${stats.requests} requests in ${elapsed.toFixed(1)} s = ${(stats.requests / elapsed).toFixed(0)} req/s; ` +
      `p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms; by status ${JSON.stringify(stats.byStatus)}; ` +
      `${stats.refused} refused connections`,
  );
  console.log(
    `acknowledged: ${acks.tickets.length} tickets, ${acks.messages.length} messages, ${acks.erased.length} erasures, ` +
      `${acks.exports.length} exports, ${acks.signIns} sign-ins`,
  );
  if (stats.serverErrors.length > 0) {
    console.error(`${stats.serverErrors.length} server errors:\n  ${stats.serverErrors.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  if (acks.tickets.length === 0 || acks.messages.length === 0) {
    console.error('nothing was acknowledged: the load did not reach the portal');
    process.exit(1);
  }
} else {
  const [acksFile] = rest;
  const acks = JSON.parse(readFileSync(acksFile, 'utf8'));
  const problems = [];
  const clients = new Map();
  async function as(email, password) {
    if (!clients.has(email)) {
      const c = new Client(email, password);
      await c.signIn();
      clients.set(email, c);
    }
    return clients.get(email);
  }
  const seen = new Map(); // ticket id → detail
  async function detail(owner, password, id) {
    if (!seen.has(id)) {
      const r = await (await as(owner, password)).call('get_ticket', { id });
      seen.set(id, r.status === 200 ? r.value : null);
      if (r.status !== 200) problems.push(`ticket ${id} of ${owner}: ${r.status} ${JSON.stringify(r.value).slice(0, 120)}`);
    }
    return seen.get(id);
  }
  for (const t of acks.tickets) {
    const d = await detail(t.owner, t.password, t.id);
    if (d && d.subject !== t.subject) problems.push(`ticket ${t.id}: subject ${JSON.stringify(d.subject)}, acknowledged ${JSON.stringify(t.subject)}`);
  }
  for (const m of acks.messages) {
    const d = await detail(m.owner, m.password, m.ticket);
    if (d && !d.messages.some((x) => x.body === m.body)) problems.push(`message "${m.body}" on ${m.ticket} is missing`);
  }
  // Counts: each owner's list holds at least every ticket acknowledged to them.
  const perOwner = new Map();
  for (const t of acks.tickets) perOwner.set(t.owner, (perOwner.get(t.owner) ?? 0) + 1);
  for (const [email, count] of perOwner) {
    const c = await as(email, acks.tickets.find((t) => t.owner === email).password);
    let total = 0;
    let after = '';
    for (let page = 0; page < 200; page++) {
      const r = await c.call('list_tickets', after ? { after } : {});
      if (r.status !== 200) {
        problems.push(`list of ${email}: ${r.status}`);
        break;
      }
      total += r.value.tickets?.length ?? r.value.items?.length ?? 0;
      after = r.value.next ?? r.value.next_cursor ?? '';
      if (!after) break;
    }
    if (total < count) problems.push(`${email} lists ${total} tickets, ${count} were acknowledged`);
  }
  // Erased customers: nobody can sign in as them.
  for (const e of acks.erased) {
    const r = await new Client(e.email, e.password).call('sign_in', { email: e.email, password: e.password });
    if (r.status === 200) problems.push(`erased customer ${e.email} can still sign in`);
  }
  // Exports: none stuck (every acknowledged one finished, or expired, within the wait).
  // A build a crash abandoned is taken up again when its lease (2 minutes) runs out.
  const deadline = Date.now() + 180_000;
  let downloads = 0;
  for (const x of acks.exports) {
    const c = await as(x.owner, x.password);
    for (;;) {
      const r = await c.call('my_exports', {});
      const mine = r.status === 200 ? r.value.find((v) => v.id === x.id) : null;
      if (mine?.status === 'ready') {
        // Downloads from every server, the same bytes: an archive built by
        // one server is there for the others.
        const got = [];
        for (const server of bases) got.push(await c.download(server, x.id));
        const shas = new Set(got.map((g) => g.sha));
        if (got.some((g) => g.status !== 200) || shas.size !== 1) {
          problems.push(`export ${x.id} of ${x.owner} does not download alike from every server: ${JSON.stringify(got)}`);
        } else if (got[0].size < 100) {
          problems.push(`export ${x.id} of ${x.owner} downloads as ${got[0].size} bytes`);
        } else {
          downloads += got.length;
        }
        break;
      }
      if (mine?.status === 'expired') break;
      if (mine?.status === 'failed') {
        problems.push(`export ${x.id} of ${x.owner} failed`);
        break;
      }
      if (Date.now() > deadline) {
        problems.push(`export ${x.id} of ${x.owner} is stuck: ${mine ? mine.status : 'gone'}`);
        break;
      }
      await new Promise((ok) => setTimeout(ok, 500));
    }
  }
  // No orphan archive files: once every build is over, only finished archives remain.
  const exportsDir = process.env.DRILL_EXPORTS_DIR;
  if (exportsDir) {
    const { readdirSync, existsSync } = await import('node:fs');
    const left = existsSync(exportsDir) ? readdirSync(exportsDir).filter((n) => !n.endsWith('.zip.enc')) : [];
    if (left.length > 0) problems.push(`orphan archive files in ${exportsDir}: ${left.join(', ')}`);
  }
  console.log(
    `verified: ${acks.tickets.length} tickets, ${acks.messages.length} messages, ${acks.erased.length} erasures, ` +
      `${acks.exports.length} exports (${downloads} downloads from ${bases.length} server${bases.length > 1 ? 's' : ''})`,
  );
  if (problems.length > 0) {
    console.error(`${problems.length} acknowledged writes are not as acknowledged:\n  ${problems.slice(0, 30).join('\n  ')}`);
    process.exit(1);
  }
}
