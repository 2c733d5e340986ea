// Seeded randomness for corpus-plant: the same --seed gives the same sample and the same planted
// values on every machine. Each decision draws from a stream named after what it decides (the
// corpus, the kind, the site), so adding a kind or a page does not reshuffle the others.

/** A 32-bit FNV-1a hash of the parts joined: a stable seed for a named stream. */
export function hashSeed(...parts) {
  let hash = 0x811c9dc5;
  for (const char of parts.join("\u0000")) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: a small, fast PRNG with a 32-bit state; returns numbers in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random stream named by `parts` under the run's seed. */
export function streamFor(seed, ...parts) {
  return seededRandom(hashSeed(String(seed), ...parts));
}

/** A copy of `items` in random order (Fisher–Yates). */
export function shuffled(items, random) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** One element of a non-empty array, at random. */
export function pick(items, random) {
  return items[Math.floor(random() * items.length)];
}
