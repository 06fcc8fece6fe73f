#!/usr/bin/env node
// End-to-end: a published Last.fm client library (npm "lastfm" 0.9.4, not written by us) talks to Tonearm's
// Last.fm-compatible API: it gets a session, scrobbles a batch and a single track, updates now playing and reads
// recent tracks; then Tonearm's native API (GET /api/v1/listens) must show exactly those listens.
// Env: BASE_URL (e.g. http://127.0.0.1:3000), TONEARM_USER, TONEARM_TOKEN (an API token; TONEARM_PASSWORD unused
// by the client but accepted as a fallback secret). Exits non-zero on any mismatch.
"use strict";

const http = require("http");
const { URL } = require("url");
const LastFmNode = require("lastfm").LastFmNode;

const base = new URL(required("BASE_URL"));
const user = required("TONEARM_USER");
const token = process.env.TONEARM_TOKEN || required("TONEARM_PASSWORD");
const basePath = base.pathname.replace(/\/+$/, "");

// Tonearm accepts unknown api keys on the session key alone (clients ship built-in keys it cannot know)
const lastfm = new LastFmNode({
  api_key: "e2e0000000000000000000000000e2e0",
  secret: "e2e-unused-secret",
  host: base.hostname,
  port: Number(base.port || 80),
  useragent: "tonearm-e2e",
});
lastfm.url = basePath + "/apis/lastfm/2.0/";

function required(name) {
  const v = process.env[name];
  if (!v) {
    fail(`environment variable ${name} is required`);
  }
  return v;
}

function fail(message) {
  console.error("E2E FAILED: " + message);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) {
    fail(message);
  }
  console.log("ok - " + message);
}

function request(method, params) {
  return new Promise((resolve, reject) => {
    lastfm.request(method, Object.assign({}, params, {
      handlers: { success: resolve, error: (e) => reject(new Error(method + ": " + JSON.stringify(e))) },
    }));
  });
}

function update(kind, session, options) {
  return new Promise((resolve, reject) => {
    lastfm.update(kind, session, Object.assign({}, options, {
      handlers: { success: resolve, error: (e) => reject(new Error(kind + ": " + JSON.stringify(e))) },
    }));
  });
}

function nativeListens() {
  return new Promise((resolve, reject) => {
    const url = new URL(basePath + "/api/v1/listens?limit=100", base);
    http.get(url, { headers: { Authorization: "Token " + token } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => {
        if (res.statusCode !== 200) {
          reject(new Error(`GET /api/v1/listens answered ${res.statusCode}: ${body}`));
          return;
        }
        resolve(JSON.parse(body));
      });
    }).on("error", reject);
  });
}

async function main() {
  const now = Math.floor(Date.now() / 1000);
  // 1. session: auth.getMobileSession with the API token as the password (signed, POSTed by the library)
  const auth = await request("auth.getMobileSession", { username: user, password: token, write: true });
  const key = auth.session && auth.session.key;
  check(typeof key === "string" && key.length === 32, "auth.getMobileSession returned a 32-character session key");
  check(auth.session.name === user, "the session names the user");
  const session = lastfm.session(user, key);

  // 2. a batch in array notation, sent through the library's generic request (track.scrobble is a write method)
  const batch = [
    { artist: "Boards of Canada", track: "Roygbiv", album: "Music Has the Right to Children", timestamp: now - 3600 },
    { artist: "Aphex Twin", track: "Xtal", album: "Selected Ambient Works 85-92", timestamp: now - 3000 },
    { artist: "Autechre", track: "Bike", album: "Incunabula", timestamp: now - 2400 },
  ];
  const params = { sk: key };
  batch.forEach((s, i) => {
    params[`artist[${i}]`] = s.artist;
    params[`track[${i}]`] = s.track;
    params[`album[${i}]`] = s.album;
    params[`timestamp[${i}]`] = String(s.timestamp);
    params[`duration[${i}]`] = "300";
  });
  const scrobbled = await request("track.scrobble", params);
  check(scrobbled.scrobbles["@attr"].accepted === 3 && scrobbled.scrobbles["@attr"].ignored === 0,
    "track.scrobble accepted the batch of 3");
  check(Array.isArray(scrobbled.scrobbles.scrobble), "a batch is answered with an array of scrobbles");

  // 3. a single scrobble through the library's own scrobble helper (single form, no index)
  const single = { artist: "Burial", track: "Archangel", album: "Untrue", timestamp: now - 1800 };
  await update("scrobble", session, {
    track: { artist: { "#text": single.artist }, name: single.track, album: { "#text": single.album } },
    timestamp: single.timestamp,
  });
  check(true, "the library's scrobble helper succeeded");

  // 4. now playing (never a stored listen)
  await update("nowplaying", session, { track: { artist: { "#text": "Four Tet" }, name: "Parallel Jalebi" }, duration: 240 });
  check(true, "track.updateNowPlaying succeeded");

  // 5. recent tracks: the now-playing track first, then the four scrobbles newest first
  const recent = await request("user.getRecentTracks", { user: user, sk: key, limit: 10 });
  const tracks = [].concat(recent.recenttracks.track);
  check(tracks.length === 5, `user.getRecentTracks lists now playing + 4 scrobbles (got ${tracks.length})`);
  check(tracks[0]["@attr"] && tracks[0]["@attr"].nowplaying === "true" && tracks[0].name === "Parallel Jalebi",
    "the first recent track is the now-playing one");
  const expected = batch.concat([single]).sort((a, b) => b.timestamp - a.timestamp);
  tracks.slice(1).forEach((t, i) => {
    check(t.name === expected[i].track && t.artist["#text"] === expected[i].artist
        && t.date.uts === String(expected[i].timestamp), `recent track ${i + 1} is ${expected[i].track}`);
  });

  // 6. the native API shows exactly those four listens (the now-playing one is not among them)
  const listens = (await nativeListens()).listens;
  check(listens.length === expected.length, `GET /api/v1/listens shows ${expected.length} listens (got ${listens.length})`);
  listens.forEach((l, i) => {
    const e = expected[i];
    const startedAt = Math.floor(Date.parse(l.listened_at) / 1000);
    const artistNames = (l.track.artists || []).map((a) => a.name);
    check(l.track.title === e.track && artistNames[0] === e.artist && startedAt === e.timestamp
        && l.channel === "lastfm_api", `native listen ${i + 1}: ${e.artist} - ${e.track} at ${e.timestamp} via lastfm_api`);
  });
  console.log("E2E PASSED");
}

main().catch((e) => fail(e.stack || String(e)));
