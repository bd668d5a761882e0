// The schema is compiled without DOM or Node types; these are the only platform globals it uses.
declare global {
  var crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
}

export {};
