/** Where ids and writer ids come from; seeded in tests so a failing run can be replayed. */
export interface RandomSource {
  bytes(length: number): Uint8Array;
}

/** The platform's cryptographic generator (Web Crypto, present in browsers and Node alike). */
export const cryptoRandom: RandomSource = {
  bytes(length) {
    return globalThis.crypto.getRandomValues(new Uint8Array(length));
  },
};
