// End-to-end: a third-party ListenBrainz client (npm "listenbrainz") submits to Tonearm; Tonearm's
// ListenBrainz reads and its native API (GET /api/v1/listens) must then show exactly the submitted listens.
// Usage: node run.js <base-url> <api-token>   (the token needs listens:write and listens:read)
'use strict';
const { Client } = require('listenbrainz');

const [base, token] = [process.argv[2].replace(/\/+$/, ''), process.argv[3]];
const run = Date.now().toString(36);
let failures = 0;
let passed = 0;

function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failures++;
    console.log(`FAIL ${name}${detail === undefined ? '' : ': ' + JSON.stringify(detail)}`);
  }
}

async function get(path, auth) {
  const r = await fetch(base + path, { headers: auth ? { Authorization: auth } : {} });
  const text = await r.text();
  let body;
  try { body = JSON.parse(text); } catch (e) { body = text; }
  return { status: r.status, body, headers: r.headers };
}

function listen(ts, artist, track, extra) {
  return { listened_at: ts, track_metadata: { artist_name: artist, track_name: track,
    additional_info: Object.assign({ submission_client: 'tonearm-e2e' }, extra || {}) } };
}

async function nativeListens(fromS, toS) {
  const out = [];
  let cursor = null;
  do {
    const q = `/api/v1/listens?limit=100&from=${fromS}&to=${toS}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
    const r = await get(q, `Bearer ${token}`);
    if (r.status !== 200) throw new Error(`native listens: ${r.status} ${JSON.stringify(r.body)}`);
    out.push(...r.body.listens);
    cursor = r.body.next_cursor;
  } while (cursor);
  return out;
}

(async () => {
  const viaApis = new Client(token, `${base}/apis/listenbrainz/`);
  const viaRoot = new Client(token, `${base}/`); // liblistenbrainz-style: host only, the client calls /1/...
  const t0 = Math.floor(Date.now() / 1000) - 6 * 3600 - Math.floor(Math.random() * 3600);
  const submitted = [
    listen(t0, 'Portishead', `Roads ${run}`, { music_service: 'spotify.com', duration_ms: 305000 }),
    listen(t0 + 400, 'Massive Attack', `Teardrop ${run}`, { duration: 330 }),
    listen(t0 + 800, 'Björk', `Jóga ${run}`),
    listen(t0 + 1200, 'Boards of Canada', `Roygbiv ${run}`, { tags: ['idm'] }),
  ];

  const token_ = await get(`/apis/listenbrainz/1/validate-token`, `Token ${token}`);
  check('validate-token accepts the token', token_.status === 200 && token_.body.valid === true, token_.body);
  const user = token_.body.user_name;
  check('answers carry X-RateLimit-Reset-In', token_.headers.get('x-ratelimit-reset-in') !== null);

  const single = await viaApis.submitListen({ listen_type: 'single', payload: [submitted[0]] });
  check('client submits a single listen at /apis/listenbrainz/1/', single && single.status === 200, single);
  const imported = await viaRoot.submitListen({ listen_type: 'import', payload: submitted.slice(1) });
  check('client imports listens at the root /1/', imported && imported.status === 200, imported);
  const again = await viaApis.submitListen({ listen_type: 'import', payload: submitted });
  check('re-sending the same listens is accepted', again && again.status === 200, again);
  const now = await viaApis.submitListen({ listen_type: 'playing_now', payload: [{ track_metadata: {
    artist_name: 'Portishead', track_name: `Glory Box ${run}`, additional_info: { duration: 301 } } }] });
  check('client submits playing_now', now && now.status === 200, now);

  let rejected;
  try {
    await viaApis.submitListen({ listen_type: 'single', payload: [listen(1000, 'Too', 'Early')] });
  } catch (e) {
    rejected = JSON.parse(e);
  }
  check('an invalid listen is refused with a ListenBrainz error', rejected && rejected.code === 400
      && /listened_at is too low/.test(rejected.error), rejected);

  const lb = await get(`/apis/listenbrainz/1/user/${user}/listens?min_ts=${t0 - 1}&max_ts=${t0 + 1201}`,
    `Token ${token}`);
  const lbTracks = (lb.body.payload || { listens: [] }).listens.map(l => l.track_metadata.track_name);
  check('user/{user}/listens shows the submitted listens, newest first', lb.status === 200
      && JSON.stringify(lbTracks) === JSON.stringify(submitted.map(l => l.track_metadata.track_name).reverse()), lbTracks);
  const playing = await get(`/1/user/${user}/playing-now`, `Token ${token}`);
  check('user/{user}/playing-now shows the playing_now track', playing.status === 200
      && playing.body.payload.count === 1
      && playing.body.payload.listens[0].track_metadata.track_name === `Glory Box ${run}`, playing.body);
  const anonymous = await get(`/1/user/${user}/listens`);
  const profile = await get('/api/v1/me', `Bearer ${token}`);
  if (profile.status === 200 && profile.body.profile_visibility === 'PRIVATE') {
    check('a private profile is a 404 to anonymous readers', anonymous.status === 404
        && anonymous.body.error === `Cannot find user: ${user}`, anonymous.body);
  }

  const native = await nativeListens(t0, t0 + 1201);
  const got = native.map(l => `${Date.parse(l.listened_at) / 1000}|${l.track.title}|${l.channel}`).sort();
  const want = submitted.map(l => `${l.listened_at}|${l.track_metadata.track_name}|listenbrainz_api`).sort();
  check('GET /api/v1/listens shows exactly the submitted listens', JSON.stringify(got) === JSON.stringify(want),
    { got, want });

  console.log(`${passed} passed, ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
})().catch(e => {
  console.log(`FAIL unexpected error: ${e && e.stack ? e.stack : e}`);
  console.log(`${passed} passed, ${failures + 1} failed`);
  process.exit(1);
});
