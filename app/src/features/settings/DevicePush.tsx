import { useCallback, useEffect, useState } from 'react';
import { useText } from '../../i18n/index.js';
import { RelayApiError } from '../../sync/index.js';
import { useTally } from '../../tally/index.js';
import { wordMessages } from '../../ui/index.js';
import { notificationMessages } from './notification-messages.js';

type PushState = 'unsupported' | 'blocked' | 'off' | 'on' | 'checking';

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/** The key the relay publishes, as the bytes `applicationServerKey` takes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Subscribes this device to the relay's Web Push, or unsubscribes it (relay SPEC N1). */
export function DevicePush() {
  const text = useText(notificationMessages);
  const words = useText(wordMessages);
  const { sync } = useTally();
  const [state, setState] = useState<PushState>('checking');
  const [problem, setProblem] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    if (!supported()) return setState('unsupported');
    if (Notification.permission === 'denied') return setState('blocked');
    setState((await currentSubscription()) === null ? 'off' : 'on');
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const problemOf = (error: unknown): string => {
    if (error instanceof RelayApiError) {
      return error.unreachable ? words('relayUnreachable') : words('relayRefused', { reason: error.message });
    }
    return text('notSupported');
  };

  const turnOn = async () => {
    setProblem(undefined);
    try {
      if ((await Notification.requestPermission()) !== 'granted') return void (await refresh());
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(await sync.pushKey()),
      });
      const json = subscription.toJSON();
      const { p256dh, auth } = json.keys ?? {};
      if (json.endpoint === undefined || p256dh === undefined || auth === undefined) throw new Error('no keys');
      await sync.subscribePush({ endpoint: json.endpoint, keys: { p256dh, auth } });
    } catch (error) {
      setProblem(problemOf(error));
    }
    await refresh();
  };

  const turnOff = async () => {
    setProblem(undefined);
    try {
      const subscription = await currentSubscription();
      if (subscription !== null) {
        await sync.unsubscribePush(subscription.endpoint).catch((error: unknown) => {
          // The relay forgetting it first (revoked, gone) is no reason to stay subscribed.
          if (!(error instanceof RelayApiError && error.status === 404)) throw error;
        });
        await subscription.unsubscribe();
      }
    } catch (error) {
      setProblem(problemOf(error));
    }
    await refresh();
  };

  return (
    <div data-testid="device-push" data-state={state}>
      {state === 'unsupported' && <p className="hint">{text('notSupported')}</p>}
      {state === 'blocked' && <p className="hint">{text('blocked')}</p>}
      {(state === 'on' || state === 'off') && (
        <>
          <p className="hint">{text(state === 'on' ? 'deviceOn' : 'deviceOff')}</p>
          <button
            type="button"
            className="button"
            data-testid={state === 'on' ? 'push-off' : 'push-on'}
            onClick={() => void (state === 'on' ? turnOff() : turnOn())}
          >
            {text(state === 'on' ? 'turnOff' : 'turnOn')}
          </button>
        </>
      )}
      {problem && (
        <p className="form__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
