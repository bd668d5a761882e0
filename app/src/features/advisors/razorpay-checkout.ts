import type { CheckoutStart } from '../../sync/index.js';

const checkoutScript = 'https://checkout.razorpay.com/v1/checkout.js';

interface RazorpayCheckout {
  open(): void;
}

type RazorpayConstructor = new (options: {
  readonly key: string;
  readonly order_id: string;
  readonly amount: number;
  readonly currency: string;
  readonly name: string;
}) => RazorpayCheckout;

/**
 * Opens Razorpay's own checkout over the page for an order the relay made (PAY2). Its script is
 * fetched from Razorpay only now, when someone pays through it. The relay learns of the payment
 * from Razorpay's webhook, and the booking page shows it live; nothing here decides it is paid.
 * Razorpay cannot be reached from the tests' machines, so this path is not run by them.
 */
export async function openRazorpayCheckout(start: Extract<CheckoutStart, { provider: 'razorpay' }>): Promise<void> {
  const Razorpay = await loadRazorpay();
  new Razorpay({
    key: start.keyId,
    order_id: start.checkoutId,
    amount: start.amount,
    currency: start.currency,
    name: 'Tally',
  }).open();
}

function loadRazorpay(): Promise<RazorpayConstructor> {
  const loaded = (window as { Razorpay?: RazorpayConstructor }).Razorpay;
  if (loaded !== undefined) return Promise.resolve(loaded);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = checkoutScript;
    script.async = true;
    script.onload = () => {
      const ready = (window as { Razorpay?: RazorpayConstructor }).Razorpay;
      if (ready === undefined) reject(new Error('Razorpay’s checkout script did not load'));
      else resolve(ready);
    };
    script.onerror = () => reject(new Error('Razorpay’s checkout script could not be fetched'));
    document.head.append(script);
  });
}
