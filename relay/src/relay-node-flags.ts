/**
 * The flags every start of the relay passes to Node: the image's `CMD`, `npm start`, the smoke
 * start, the bench and the tests' relay processes (`start-commands.test.ts` keeps them the same).
 * Up to 64 MiB per semi-space of V8's young generation (Node 20's default is 16 MiB): the relay
 * allocates for every update it passes on (relay/README.md, "The young generation").
 */
export const RELAY_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
