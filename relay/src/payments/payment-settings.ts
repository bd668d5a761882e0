import type { RelayOptions } from '../settings/relay-settings.js';

type PaymentOptions = Pick<
  RelayOptions,
  | 'paymentProvider'
  | 'stripeSecretKey'
  | 'stripeWebhookSecret'
  | 'stripeApiUrl'
  | 'razorpayKeyId'
  | 'razorpayKeySecret'
  | 'razorpayWebhookSecret'
  | 'razorpayApiUrl'
>;

/** How the relay reaches the provider it takes payment through (PAY1). */
export type PaymentSettings =
  | { readonly provider: 'none' }
  | {
      readonly provider: 'stripe';
      readonly secretKey: string;
      readonly webhookSecret: string;
      readonly apiUrl: string | null;
    }
  | {
      readonly provider: 'razorpay';
      readonly keyId: string;
      readonly keySecret: string;
      readonly webhookSecret: string;
      readonly apiUrl: string | null;
    };

export type PaymentSettingsReading =
  | { readonly ok: true; readonly settings: PaymentSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The chosen provider's settings, or a problem naming each of its keys that is missing (PAY1). */
export function readPaymentSettings(options: PaymentOptions): PaymentSettingsReading {
  const missing = (values: Readonly<Record<string, string | null>>): string[] =>
    Object.entries(values)
      .filter(([, value]) => value === null)
      .map(([env]) => `${env} must be set when PAYMENT_PROVIDER is ${options.paymentProvider}`);
  switch (options.paymentProvider) {
    case 'none':
      return { ok: true, settings: { provider: 'none' } };
    case 'stripe': {
      const { stripeSecretKey: secretKey, stripeWebhookSecret: webhookSecret } = options;
      if (secretKey === null || webhookSecret === null) {
        return { ok: false, problems: missing({ STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret }) };
      }
      return { ok: true, settings: { provider: 'stripe', secretKey, webhookSecret, apiUrl: options.stripeApiUrl } };
    }
    case 'razorpay': {
      const { razorpayKeyId: keyId, razorpayKeySecret: keySecret, razorpayWebhookSecret: webhookSecret } = options;
      if (keyId === null || keySecret === null || webhookSecret === null) {
        return {
          ok: false,
          problems: missing({
            RAZORPAY_KEY_ID: keyId,
            RAZORPAY_KEY_SECRET: keySecret,
            RAZORPAY_WEBHOOK_SECRET: webhookSecret,
          }),
        };
      }
      return {
        ok: true,
        settings: { provider: 'razorpay', keyId, keySecret, webhookSecret, apiUrl: options.razorpayApiUrl },
      };
    }
  }
}
