import type { PaymentProvider } from './payment-provider.js';
import { readPaymentSettings } from './payment-settings.js';
import { RazorpayProvider } from './razorpay-provider.js';
import { StripeProvider } from './stripe-provider.js';

/**
 * The provider `PAYMENT_PROVIDER` names, made from its settings; null for `none`. A provider
 * without its keys stops the relay, naming them (PAY1).
 */
export function paymentProviderOf(options: Parameters<typeof readPaymentSettings>[0]): PaymentProvider | null {
  const reading = readPaymentSettings(options);
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  const { settings } = reading;
  switch (settings.provider) {
    case 'none':
      return null;
    case 'stripe':
      return new StripeProvider(settings);
    case 'razorpay':
      return new RazorpayProvider(settings);
  }
}
