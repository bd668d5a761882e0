import type { StoredEvent } from '../storage/events/event-store.js';

/** The frame that follows the replay: the device keeps its `seq` as where it stands (E5). */
export const syncedFrameType = 'events.synced';

/** An event as the device reads it: `{type, seq, data}`, `data` as it was published (E1). */
export function eventFrame(event: StoredEvent): string {
  return `{"type":${JSON.stringify(event.type)},"seq":${event.seq},"data":${event.data}}`;
}

/**
 * Says the replay is over: `seq` is the number of the last event sent, and `complete` is false
 * when some events the device asked for are no longer kept (E5, E6).
 */
export function syncedFrame(seq: number, complete: boolean): string {
  return JSON.stringify({ type: syncedFrameType, seq, data: { complete } });
}
