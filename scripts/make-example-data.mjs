// Writes examples/data/wai-sr-simulated.csv: SIMULATED WAI-SR responses (no real client), from a
// fixed seed, so the file is the same on every run. Run: node scripts/make-example-data.mjs
//
// Model: each client has a latent alliance level (1–5 scale) that drifts over 6 sessions; item
// answers are the level plus item noise, rounded and clamped to 1–5. Client c03 has a rupture
// (session 3 dips by about 1.3 points, repaired by session 5); client c07 a lasting drop.
// About 2% of answers are left blank.
import { writeFileSync } from "node:fs";

function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20261126);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const clamp = (value) => Math.min(5, Math.max(1, Math.round(value)));

const lines = ["client,session,1,2,3,4,5,6,7,8,9,10,11,12"];
for (let c = 1; c <= 10; c++) {
  const client = `c${String(c).padStart(2, "0")}`;
  let level = 3.2 + 0.9 * normal();
  for (let session = 1; session <= 6; session++) {
    level += 0.12 + 0.15 * normal();
    let shown = level;
    if (client === "c03" && session === 3) shown -= 1.3;
    if (client === "c03" && session === 4) shown -= 0.5;
    if (client === "c07" && session >= 4) shown -= 1.2;
    const answers = Array.from({ length: 12 }, () =>
      random() < 0.02 ? "" : String(clamp(shown + 0.6 * normal())),
    );
    lines.push([client, session, ...answers].join(","));
  }
}
writeFileSync(
  new URL("../examples/data/wai-sr-simulated.csv", import.meta.url),
  `${lines.join("\n")}\n`,
);
