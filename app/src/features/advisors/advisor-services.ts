import { useEffect, useState, useSyncExternalStore } from 'react';
import { advisorApi, type RelayEvent } from '../../sync/index.js';
import { type Tally, useTally } from '../../tally/index.js';
import { ChatOutbox, readOutboxMessage } from './chat-outbox.js';

interface AdvisorServices {
  readonly outbox: ChatOutbox;
}

const services = new WeakMap<Tally, AdvisorServices>();

/** The chat outbox for one running Tally, made once. */
export function advisorServices(tally: Tally): AdvisorServices {
  const known = services.get(tally);
  if (known) return known;
  const outbox = new ChatOutbox(tally.deviceStores.chatOutbox(readOutboxMessage), (message) =>
    tally.sync.relayCall((api, token) =>
      advisorApi.send(api, token, message.bookingId, message.clientId, message.text),
    ),
  );
  const made: AdvisorServices = { outbox };
  services.set(tally, made);
  return made;
}

/** Calls `listener` with each live event of the given types while the component is shown. */
export function useLiveEvents(types: readonly string[], listener: (event: RelayEvent) => void): void {
  const { events } = useTally();
  const key = types.join(' ');
  useEffect(
    () =>
      events.subscribe((event) => {
        if (key.split(' ').includes(event.type)) listener(event);
      }),
    [events, key, listener],
  );
}

/** The chat outbox's messages, re-rendered as they are written and sent. */
export function useOutbox(): ChatOutbox {
  const outbox = advisorServices(useTally()).outbox;
  useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return outbox;
}

/** The advisors' names by id, from the directory, to name the other side of a client's bookings. */
export function useAdvisorNames(): ReadonlyMap<string, string> {
  const tally = useTally();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    tally.sync
      .relayCall((api, token) => advisorApi.directory(api, token, {}))
      .then(
        (advisors) => current && setNames(new Map(advisors.map((advisor) => [advisor.advisorId, advisor.displayName]))),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [tally]);
  return names;
}

function fieldsIn(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The booking a live event concerns: `data.booking.id`, a message's `data.message.bookingId`, or a read's `data.bookingId`. */
export function bookingOfEvent(event: RelayEvent): string | undefined {
  const id = fieldsIn(event.data.booking).id ?? fieldsIn(event.data.message).bookingId ?? event.data.bookingId;
  return typeof id === 'string' ? id : undefined;
}

/** Whether the account itself made what the event tells (its own message, its own request or answer). */
export function madeByAccount(event: RelayEvent, userId: string | undefined): boolean {
  if (event.type === 'message.created') return fieldsIn(event.data.message).senderId === userId;
  const booking = fieldsIn(event.data.booking);
  const by = event.data.by;
  return (by === 'client' && booking.clientId === userId) || (by === 'advisor' && booking.advisorId === userId);
}
